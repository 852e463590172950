// Delivery and supervision at the scale of a district-year: ~600 projects, ~10,000 sessions, ~300,000 attendances,
// ~60,000 participants, added as year 2030 next to the demo. Times the delivery and beneficiary pages over HTTP
// (logged in as the district) and the concentration figures for the whole district-year.
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

internal static class DeliveryBench
{
    private const int Year = 2030;

    public static async Task Main()
    {
// The web project's folder, found from here, is the application's content root.
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Weishi.Web"))) root = root.Parent;
Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WEISHI_WEB", Path.Combine(root!.FullName, "src", "Weishi.Web"));
var folder = Path.Combine(Path.GetTempPath(), "weishi-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(folder);
await using var factory = new BenchFactory($"Data Source={Path.Combine(folder, "bench.db")}");
factory.StartServer();

var clock = Stopwatch.StartNew();
int sampleProject, sampleSession, sampleRegion, sampleWorks;
string sampleToken;
using (var scope = factory.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
    (sampleProject, sampleSession, sampleRegion, sampleWorks, sampleToken) = await Generate(db);
}
Console.WriteLine($"generated district-year {Year} in {clock.Elapsed.TotalSeconds:0.0} s");

using (var scope = factory.Services.CreateScope())
{
    var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
    Console.WriteLine($"projects {await db.Projects.CountAsync(p => p.Year == Year)}, sessions {await db.ActivitySessions.CountAsync(s => s.Project!.Year == Year)}, " +
        $"attendances {await db.Attendances.CountAsync(a => a.Project!.Year == Year)}, participants {await db.Participants.CountAsync()}");
    var query = scope.ServiceProvider.GetRequiredService<ConcentrationQuery>();
    Report("concentration, district-year, computed (ConcentrationQuery.ComputeAsync)", await Time(() => query.ComputeAsync(Year)));
    Report("concentration, district-year, as pages get it (ForYearAsync)", await Time(() => query.ForYearAsync(Year)));
    // The pages below start cold: their first request computes the figures again.
    (factory.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>() as Microsoft.Extensions.Caching.Memory.MemoryCache)?.Compact(1.0);
}

var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
var login = await client.GetStringAsync("/Account/Login");
var token = Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
{
    ["Input.UserName"] = "district", ["Input.Password"] = Weishi.Web.Features.Demo.DemoAccounts.Password, ["__RequestVerificationToken"] = token,
}));
if ((int)response.StatusCode != 302) throw new InvalidOperationException("login failed: " + response.StatusCode);

foreach (var url in new[]
{
    $"/Delivery/{sampleProject}", $"/Delivery/Session/{sampleSession}", $"/Beneficiaries?year={Year}",
    $"/Beneficiaries/Community?regionId={sampleRegion}&year={Year}", $"/Delivery/Execution?year={Year}", "/Home/Workbench",
    $"/Delivery/Contract/{sampleProject}", $"/Delivery/NewSession/{sampleProject}", $"/Delivery/Disburse/{sampleProject}",
    $"/Delivery/Progress/{sampleWorks}", $"/Inspections/New/{sampleProject}", $"/Acceptance/Record/{sampleProject}", $"/SignIn/{sampleToken}",
})
{
    Report("GET " + url, await Time(async () =>
    {
        var r = await client.GetAsync(url);
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(url + " answered " + r.StatusCode);
        return await r.Content.ReadAsStringAsync();
    }));
}
// The cached figures are rebuilt after every new sign-in: time the pages right after one (10 sign-ins, 10 requests each).
foreach (var url in new[] { $"/Delivery/Execution?year={Year}", $"/Beneficiaries?year={Year}" })
{
    var afterSignIn = new List<double>();
    for (var i = 0; i < 10; i++)
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var register = scope.ServiceProvider.GetRequiredService<ParticipantRegister>();
            var person = await register.FindOrAddAsync("新居民" + i, "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture), null);
            await register.AttendAsync(await db.ActivitySessions.SingleAsync(x => x.Id == sampleSession), person, byQr: true);
        }
        var sw = Stopwatch.StartNew();
        var r = await client.GetAsync(url);
        if (!r.IsSuccessStatusCode) throw new InvalidOperationException(url + " answered " + r.StatusCode);
        await r.Content.ReadAsStringAsync();
        afterSignIn.Add(sw.Elapsed.TotalMilliseconds);
    }
    Console.WriteLine($"{"GET " + url + " right after a new sign-in",-70} median {afterSignIn.Order().ElementAt(afterSignIn.Count / 2),7:0.0} ms   max {afterSignIn.Max(),7:0.0} ms   (n={afterSignIn.Count})");
}
try { Directory.Delete(folder, true); } catch (IOException) { }
    }

// "first" is the first call, before any warm-up: cold caches (EF model, cached figures) included.
static void Report(string what, (double First, List<double> Runs) t) =>
    Console.WriteLine($"{what,-70} first {t.First,7:0.0} ms   median {t.Runs.Order().ElementAt(t.Runs.Count / 2),7:0.0} ms   max {t.Runs.Max(),7:0.0} ms   (n={t.Runs.Count})");

static async Task<(double First, List<double> Runs)> Time<T>(Func<Task<T>> action, int warmup = 2, int runs = 10)
{
    var first = Stopwatch.StartNew();
    await action();
    var firstMs = first.Elapsed.TotalMilliseconds;
    for (var i = 1; i < warmup; i++) await action();
    var result = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        await action();
        result.Add(sw.Elapsed.TotalMilliseconds);
    }
    return (firstMs, result);
}

static async Task<(int Project, int Session, int Region, int Works, string Token)> Generate(WeishiDbContext db)
{
    var rng = new Random(2030);
    var communities = await db.Regions.Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
    var projects = new List<Project>();
    for (var i = 0; i < 600; i++)
    {
        var isService = i % 6 != 5;
        var p = new Project
        {
            Code = $"{Year}-BENCH-{i:0000}", Year = Year, Name = $"基准项目{i}", Type = isService ? ProjectType.Service : ProjectType.Works,
            Category = ProjectCategory.Elderly, RegionId = communities[i % communities.Count], PlannedBeneficiaries = 300, PlannedSessions = isService ? 20 : 0,
            Status = ProjectStatus.InProgress, CreatedAtUtc = DateTime.UtcNow, StatusChangedAtUtc = DateTime.UtcNow,
        };
        p.BudgetLines.Add(new BudgetLine { Item = "服务费", Unit = "项", Quantity = 1, UnitPriceFen = 100_000_00, AmountFen = 100_000_00 });
        projects.Add(p);
    }
    db.Projects.AddRange(projects);
    await db.SaveChangesAsync();
    db.Contracts.AddRange(projects.Select(p => new Contract { ProjectId = p.Id, ContractorId = 1, AmountFen = 100_000_00, SignedOn = new DateOnly(Year, 2, 1), StartOn = new DateOnly(Year, 2, 1), EndOn = new DateOnly(Year, 11, 30) }));
    await db.SaveChangesAsync();
    db.ChangeTracker.Clear();

    const int People = 60_000;
    var firstPerson = (await db.Participants.MaxAsync(p => (int?)p.Id) ?? 0) + 1;
    await Insert(db, "Participants", ["Name", "PhoneHash", "PhoneMasked", "FirstSeenAtUtc"],
        Enumerable.Range(0, People).Select(i => new object?[] { "居民" + i, "bench" + i.ToString("D10", CultureInfo.InvariantCulture), "139****0000", DateTime.UtcNow }));
    var personIds = await db.Participants.Where(p => p.Id >= firstPerson).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();

    var service = projects.Where(p => p.Type == ProjectType.Service).ToList();
    await Insert(db, "ActivitySessions", ["ProjectId", "HeldOn", "StartsAtUtc", "EndsAtUtc", "Place", "Content", "Staff", "SignInToken", "CreatedAtUtc"],
        service.SelectMany(p => Enumerable.Range(0, 20).Select(k =>
        {
            var day = new DateOnly(Year, 3, 1).AddDays(k * 12);
            var at = day.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc);
            return new object?[] { p.Id, day, at, at.AddHours(2), "活动室", "活动", "社工", $"b{p.Id:x6}{k:x4}", at };
        })));
    var sessions = await db.ActivitySessions.Where(s => s.Project!.Year == Year).Select(s => new { s.Id, s.ProjectId, s.Project!.RegionId }).ToListAsync();

    // Each community draws from its own share of the people, skewed so that regulars recur.
    var perCommunity = People / communities.Count;
    var rows = new List<object?[]>(300_000);
    foreach (var s in sessions)
    {
        var offset = communities.IndexOf(s.RegionId) * perCommunity;
        var chosen = new HashSet<int>();
        while (chosen.Count < 30) { var u = rng.NextDouble(); chosen.Add(offset + (int)(perCommunity * u * u)); }
        foreach (var c in chosen) rows.Add([s.Id, s.ProjectId, s.RegionId, Year, personIds[c], DateTime.UtcNow, true]);
    }
    await Insert(db, "Attendances", ["SessionId", "ProjectId", "RegionId", "Year", "ParticipantId", "SignedInAtUtc", "ByQr"], rows);
    var busiest = sessions[sessions.Count / 2];
    var token = await db.ActivitySessions.Where(s => s.Id == busiest.Id).Select(s => s.SignInToken).SingleAsync();
    return (busiest.ProjectId, busiest.Id, busiest.RegionId, projects.First(p => p.Type == ProjectType.Works).Id, token);
}

static async Task Insert(WeishiDbContext db, string table, string[] columns, IEnumerable<object?[]> rows)
{
    var connection = db.Database.GetDbConnection();
    await db.Database.OpenConnectionAsync();
    await using var tx = await connection.BeginTransactionAsync();
    await using var command = connection.CreateCommand();
    command.Transaction = tx;
    command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
    var parameters = columns.Select((_, i) => { var p = command.CreateParameter(); p.ParameterName = "@p" + i; command.Parameters.Add(p); return p; }).ToArray();
    foreach (var row in rows)
    {
        for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
        await command.ExecuteNonQueryAsync();
    }
    await tx.CommitAsync();
    await db.Database.CloseConnectionAsync();
}

}

internal sealed class BenchFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Weishi", connectionString);
        builder.UseSetting("RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // BENCH_SQL=1 prints every SQL command with its time, to find the slow query of a page.
        if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
    }
}
