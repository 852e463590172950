using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.CostBenchmarking;
using Weishi.Web.Features.Demo;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;

// Issue 10: a proposal's comparison (norm, similar projects, driving cost lines) over 100,000 past projects.
// Usage: dotnet run -c Release --project bench/CostBenchmarkBench [projects] [sqlite file]
var total = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var file = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "weishi-costbench.db");
if (File.Exists(file)) File.Delete(file);

SqliteWeishiDbContext NewDb() => new(
    new DbContextOptionsBuilder<SqliteWeishiDbContext>().UseSqlite($"Data Source={file}").Options,
    new FixedScope(UserScope.System), TimeProvider.System);

await using (var db = NewDb())
{
    await db.Database.MigrateAsync();
    await RegionSeed.EnsureAsync(db);
}

var sw = Stopwatch.StartNew();
var rng = new Random(7);
List<Region> communities;
await using (var db = NewDb()) communities = await db.Regions.Where(r => r.Level == RegionLevel.Community).ToListAsync();
var keys = DemoCatalogue.Names.Keys.ToArray();
for (var start = 0; start < total; start += 5000)
{
    await using var db = NewDb();
    db.SuppressRowAudit = true;
    for (var i = start; i < Math.Min(total, start + 5000); i++)
    {
        var key = keys[rng.Next(keys.Length)];
        var names = DemoCatalogue.Names[key];
        var c = communities[rng.Next(communities.Count)];
        var p = new Project
        {
            Code = $"B{i:000000}", Year = 2014 + i % 10, Name = c.ShortName + names[rng.Next(names.Length)], Category = key.Item1, Type = key.Item2,
            RegionId = c.Id, PlannedBeneficiaries = 20 + rng.Next(300), PlannedSessions = 1 + rng.Next(20), Status = ProjectStatus.Accepted,
            CreatedAtUtc = DateTime.UtcNow, StatusChangedAtUtc = DateTime.UtcNow.AddDays(-1),
        };
        foreach (var (item, unit, min, max) in DemoCatalogue.CostItems[key.Item2].Take(3))
        {
            var line = new BudgetLine { Item = item, Unit = unit, Quantity = min + rng.Next(max - min + 1), UnitPriceFen = 100_00 + rng.Next(200_00) };
            line.Price();
            p.BudgetLines.Add(line);
        }
        db.Projects.Add(p);
    }
    await db.SaveChangesAsync();
}
Console.WriteLine($"seeded {total:N0} projects in {sw.Elapsed.TotalSeconds:0.0} s");

sw.Restart();
await using (var db = NewDb()) await new CostNormService(db).RefreshAsync();
Console.WriteLine($"norms precomputed in {sw.Elapsed.TotalSeconds:0.0} s");

int proposalId;
await using (var db = NewDb())
{
    var c = communities[0];
    var p = new Project
    {
        Code = "P-1", Year = 2024, Name = c.ShortName + "长者智能手机培训班", Type = ProjectType.Service, Category = ProjectCategory.Elderly,
        RegionId = c.Id, PlannedBeneficiaries = 20, PlannedSessions = 4, Status = ProjectStatus.SubdistrictReview,
        CreatedAtUtc = DateTime.UtcNow, StatusChangedAtUtc = DateTime.UtcNow,
    };
    var line = new BudgetLine { Item = "专业服务人员费", Unit = "人次", Quantity = 20, UnitPriceFen = 5_000_00 };
    line.Price();
    p.BudgetLines.Add(line);
    db.Projects.Add(p);
    await db.SaveChangesAsync();
    proposalId = p.Id;
}

// The app warms the segmenter in a background service at start-up (SegmenterWarmup); COLD=1 skips it to show the cost.
if (Environment.GetEnvironmentVariable("COLD") != "1")
{
    sw.Restart();
    SegmenterWarmup.Warm();
    Console.WriteLine($"segmenter warm-up (the app does this in the background at start-up) {sw.Elapsed.TotalMilliseconds:0} ms");
}

var times = new List<double>();
for (var run = 0; run < 22; run++)
{
    await using var db = NewDb();   // a fresh context per run, as per request
    sw.Restart();
    var result = await new CostComparison(db, new CostNormService(db)).CompareAsync(proposalId);
    sw.Stop();
    if (run == 0)
        Console.WriteLine($"first run {sw.Elapsed.TotalMilliseconds:0} ms: {result!.SimilarProjects.Count} similar, flagged={result.Flagged}, norm n={result.Norm?.Count}");
    else times.Add(sw.Elapsed.TotalMilliseconds);
}
times.Sort();
Console.WriteLine($"comparison over {total:N0} projects: median {times[times.Count / 2]:0.0} ms, max {times[^1]:0.0} ms ({times.Count} runs)");
