using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Findings;
using Weishi.Web.Infrastructure.Data;

// Issue 8: every data-driven leaf for the district over 2021–2023, and the district 2021–2023 report, on the demo data.
// Usage: dotnet run -c Release --project bench/EvaluationBench [sqlite file]
internal static class EvaluationBenchMain
{
    public static async Task<int> Main(string[] args)
    {
        var file = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "weishi-evalbench.db");
        if (File.Exists(file)) File.Delete(file);
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Weishi.Web"));
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WEISHI_WEB", root);

        var sw = Stopwatch.StartNew();
        await using var app = new BenchApp(file);
        using (app.Services.CreateScope()) { }
        Console.WriteLine($"demo seeded in {sw.Elapsed.TotalSeconds:0.0} s ({file})");

        int evaluationId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            await DefaultTrees.EnsureAsync(db);
            var tree = db.Set<IndicatorTree>().First(t => t.Kind == TreeKind.Programme);
            var e = new PerformanceEvaluation
            {
                Title = "坪山区 2021—2023 年度民生微实事项目", TreeId = tree.Id, ScopeKind = EvaluationScopeKind.District,
                FromYear = 2021, ToYear = 2023, CreatedAtUtc = DateTime.UtcNow,
            };
            db.Add(e);
            await db.SaveChangesAsync();
            evaluationId = e.Id;
        }

        var leaves = new List<double>();
        for (var i = 0; i < 11; i++)
        {
            using var scope = app.Services.CreateScope();
            var calc = scope.ServiceProvider.GetRequiredService<MetricCalculator>();
            sw.Restart();
            var values = await calc.ComputeAllAsync(EvaluationScope.District(2021, 2023));
            leaves.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0) foreach (var v in values.Values) Console.WriteLine($"  {DataMetrics.Find(v.Code)!.Name}: {v.Show()}  ({string.Join("，", v.Inputs.Select(x => $"{x.Label} {x.Value}"))})");
        }
        Console.WriteLine($"all {DataMetrics.All.Count} data metrics, district 2021–2023: first {leaves[0]:0} ms, median of the next 10 {Median(leaves.Skip(1)):0} ms");

        var reports = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            using var scope = app.Services.CreateScope();
            sw.Restart();
            var evaluation = (await scope.ServiceProvider.GetRequiredService<EvaluationScorer>().LoadAsync(evaluationId, default))!;
            var report = await scope.ServiceProvider.GetRequiredService<EvaluationReportBuilder>().BuildAsync(evaluation, null, default);
            using var stream = new MemoryStream();
            DocxReportWriter.Write(report, stream);
            reports.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine($"  report: {report.YearsSentence} total {report.Sheet.Total} ({report.Sheet.Grade}), {stream.Length:N0} bytes, {report.Findings.Count} findings");
        }
        Console.WriteLine($"district 2021–2023 report (.docx): first {reports[0]:0} ms, median of the next 4 {Median(reports.Skip(1)):0} ms");
        return 0;
    }

    private static double Median(IEnumerable<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}

internal sealed class BenchApp(string file) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Weishi", $"Data Source={file}");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Files:Root", Path.Combine(Path.GetTempPath(), "weishi-evalbench-files"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
