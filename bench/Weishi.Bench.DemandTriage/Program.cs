using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

// Triage list paging on a large SQLite database (e.g. the one the import benchmark keeps with KEEP=1): runs the page's
// own query (DemandTriageQuery + Paged.LoadAsync: count + one page of 50) for typical filters and prints the median
// of 7 runs after a warm-up. Usage: dotnet run -c Release --project bench/Weishi.Bench.DemandTriage -- /path/weishi.db
if (args.Length < 1) { Console.Error.WriteLine("usage: Weishi.Bench.DemandTriage <weishi.db>"); return 2; }
var options = new DbContextOptionsBuilder<SqliteWeishiDbContext>().UseSqlite($"Data Source={args[0]}").Options;

SqliteWeishiDbContext Context(UserScope scope) => new(options, new FixedScope(scope), TimeProvider.System);

await using (var probe = Context(UserScope.System))
{
    var total = await probe.Demands.CountAsync();
    var region = await probe.Regions.Where(r => r.Code == "440310001001").Select(r => r.Id).SingleAsync();
    Console.WriteLine($"{total:N0} demands");
    var district = UserScope.System;
    var staff = new UserScope("bench", "cs-ll", false, false, [region], null, new HashSet<AppRole> { AppRole.CommunityStaff });
    (string Name, UserScope Scope, DemandTriageQuery.Filter Filter, int Page)[] cases =
    [
        ("district, no filter, page 1", district, new(null, null, null, null, null, null), 1),
        ("district, no filter, page 100", district, new(null, null, null, null, null, null), 100),
        ("district, hotline + pending, page 1", district, new(DemandChannel.Hotline, DemandStatus.Pending, null, null, null, null), 1),
        ("district, one community, page 1", district, new(null, null, region, null, null, null), 1),
        ("district, one month, page 1", district, new(null, null, null, new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 31), null), 1),
        ("community staff (own scope), page 1", staff, new(null, null, null, null, null, null), 1),
        ("district, case number lookup", district, new(null, null, null, null, null, "BENCH-00500000"), 1),
        ("district, text search 路灯, page 1", district, new(null, null, null, null, null, "路灯"), 1),
    ];
    foreach (var (name, scope, filter, page) in cases)
    {
        var times = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            await using var db = Context(scope);
            var sw = Stopwatch.StartNew();
            var result = await DemandTriageQuery.LoadAsync(db, filter, page, 50, CancellationToken.None);
            sw.Stop();
            if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0 && result.Items.Count == 0 && result.Total > 0) Console.WriteLine("  (empty page)");
        }
        times.Sort();
        Console.WriteLine($"{name,-40} median {times[times.Count / 2],8:0.0} ms   max {times[^1],8:0.0} ms");
    }
}
return 0;
