using System.Text;
using System.Text.Json;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Demands;

/// <summary>Runs an uploaded CSV/Excel file through <see cref="DemandImporter"/> as a background job.</summary>
public sealed class DemandImportJob(DemandImporter importer, FileStore files) : IJobHandler
{
    public const string JobKind = "demand-import";

    public sealed record Parameters(DemandChannel Channel, int[]? AllowedRegionIds, string? UserId, string UserName, string FileName);

    public string Kind => JobKind;

    public static Job Create(Parameters p, string inputPath) => new()
    {
        Kind = JobKind,
        Title = $"导入居民需求：{p.FileName}",
        InputPath = inputPath,
        ParametersJson = JsonSerializer.Serialize(p),
        CreatedByUserId = p.UserId,
        CreatedByName = p.UserName,
    };

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<Parameters>(job.ParametersJson!)!;
        var path = files.FullPath(job.InputPath!);
        TabularReader.Kind kind;
        await using (var probe = File.OpenRead(path))
        {
            var head = new byte[TabularReader.HeadLength];
            var n = probe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            kind = TabularReader.Detect(head.AsSpan(0, n));
        }
        if (kind == TabularReader.Kind.Unsupported)
            return new JobOutcome(false, "文件不是 CSV 或 Excel（.xlsx）文件，未导入任何数据。");

        IReadOnlyList<string?> headers;
        await using (var s = File.OpenRead(path)) headers = TabularReader.Headers(s, kind);

        FileStream? current = null;
        IEnumerable<ImportRow> Rows()
        {
            current?.Dispose();
            current = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return TabularReader.Read(current, kind);
        }
        try
        {
            var result = await importer.ImportAsync(Rows, headers, new ImportOptions(p.Channel, p.AllowedRegionIds, p.UserId, p.UserName),
                progress, () => current is { Length: > 0 } f ? (double)f.Position / f.Length : 0, ct);
            if (result.Ok)
                return new JobOutcome(true, $"导入完成：新增 {result.Imported} 条，跳过已存在的 {result.Skipped} 条。");
            var report = await WriteErrorReportAsync(result.Errors, ct);
            var first = result.Errors[0];
            return new JobOutcome(false, $"发现 {result.ErrorCount} 处问题，未导入任何数据。第一处：第 {first.Row} 行{(first.Column.Length > 0 ? $"“{first.Column}”" : "")}，{first.Problem}。请下载错误报告，修改后重新上传。",
                report, $"导入错误报告-{Path.GetFileNameWithoutExtension(p.FileName)}.csv");
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or InvalidOperationException)
        {
            return new JobOutcome(false, "文件无法读取（可能已损坏，或不是 CSV/Excel 文件），未导入任何数据。");
        }
        finally
        {
            current?.Dispose();
        }
    }

    private async Task<string> WriteErrorReportAsync(IReadOnlyList<ImportError> errors, CancellationToken ct)
    {
        var relative = files.NewPath("job-results", ".csv");
        await using var writer = new StreamWriter(files.FullPath(relative), false, new UTF8Encoding(true));
        await writer.WriteLineAsync("行号,列,问题");
        foreach (var e in errors)
            await writer.WriteLineAsync($"{e.Row},{Csv(e.Column)},{Csv(e.Problem)}".AsMemory(), ct);
        return relative;
    }

    public static string Csv(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
