// The 需求分析 page (/Mining) on a district-wide run of 100,000 needs, as a user gets it: the real application
// in-process on a fresh SQLite file (migrations, demo loaded), one stored run added next to the demo's — 30 topics
// with their regions, 10,000 duplicate groups, ~3 % out of scope, categories spread like the demo's run, and a few
// hundred staff judgements (corrections, merges, 不是重复, referrals) — then, logged in as the district, N timed
// requests of the page and of its second pages. With --plans, every SQL command of one request is listed with its time
// and SQLite's query plan.
//
//   dotnet run -c Release --project bench/Weishi.Bench.MiningPage -- [--needs 100000] [--runs 10] [--plans] [--keep]
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Mining;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

internal static partial class MiningPageBench
{
    private const int Year = 2031;
    private const int TopicCount = 30;
    private const int GroupCount = 10_000;
    private const double OutOfScopeShare = 0.03;

    public static async Task Main(string[] args)
    {
        var needs = IntArg(args, "--needs", 100_000);
        var runs = IntArg(args, "--runs", 10);
        var plans = args.Contains("--plans");
        var keep = args.Contains("--keep");

        // The web project's folder, found from here, is the application's content root.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Weishi.Web"))) root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WEISHI_WEB", Path.Combine(root!.FullName, "src", "Weishi.Web"));
        var folder = Path.Combine(Path.GetTempPath(), "weishi-miningbench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "bench.db");
        await using var factory = new BenchFactory($"Data Source={file}");
        factory.StartServer();

        var clock = Stopwatch.StartNew();
        int runId;
        using (var scope = factory.Services.CreateScope())
            runId = await Generate(scope.ServiceProvider.GetRequiredService<WeishiDbContext>(), needs);
        Console.WriteLine($"generated run {runId}: {needs:N0} needs, {TopicCount} topics, {GroupCount:N0} duplicate groups in {clock.Elapsed.TotalSeconds:0.0} s");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var items = db.MiningItems.IgnoreQueryFilters().Where(i => i.RunId == runId);
            Console.WriteLine($"items {await items.CountAsync()}, out of scope {await items.CountAsync(i => i.Category == Categories.OutOfScope)}, " +
                $"grouped {await items.CountAsync(i => i.DuplicateGroup != null)}, corrections {await db.CategoryCorrections.IgnoreQueryFilters().CountAsync(c => items.Any(i => i.DemandId == c.DemandId))}, " +
                $"referrals {await db.DemandReferrals.IgnoreQueryFilters().CountAsync(r => items.Any(i => i.DemandId == r.DemandId))}, " +
                $"decisions {await db.DuplicateDecisions.IgnoreQueryFilters().CountAsync(d => d.RunId == runId)}");
        }

        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login");
        var token = TokenPattern().Match(login).Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = "district", ["Input.Password"] = Weishi.Web.Features.Demo.DemoAccounts.Password, ["__RequestVerificationToken"] = token,
        }));
        if ((int)response.StatusCode != 302) throw new InvalidOperationException("login failed: " + response.StatusCode);

        var urls = new[]
        {
            "/Mining", $"/Mining?run={runId}", $"/Mining?run={runId}&groupsPage=2", $"/Mining?run={runId}&referPage=2", $"/Mining?run={runId}&referredPage=2",
        };
        var expected = needs.ToString(CultureInfo.InvariantCulture);
        async Task<string> Get(string url)
        {
            var r = await client.GetAsync(url);
            var html = await r.Content.ReadAsStringAsync();
            if (!r.IsSuccessStatusCode) throw new InvalidOperationException(url + " answered " + r.StatusCode);
            if (!html.Contains($"data-testid=\"run-count\">{expected}<", StringComparison.Ordinal)) throw new InvalidOperationException(url + " did not show the bench run");
            return html;
        }
        foreach (var url in urls) Report("GET " + url, await Time(() => Get(url), runs));

        if (plans)
        {
            foreach (var url in urls.Skip(1).Take(1))
            {
                Console.WriteLine();
                Console.WriteLine($"SQL commands of one GET {url}, slowest first:");
                var sw = Stopwatch.StartNew();
                var commands = await Profile(() => Get(url));
                var whole = sw.Elapsed.TotalMilliseconds;
                foreach (var c in commands.OrderByDescending(c => c.Duration.TotalMilliseconds))
                {
                    Console.WriteLine($"--- {c.Duration.TotalMilliseconds:0.0} ms");
                    Console.WriteLine(c.Text);
                    Console.WriteLine("    plan:");
                    foreach (var line in await PlanAsync(file, c)) Console.WriteLine("      " + line);
                }
                Console.WriteLine($"{commands.Count} commands, {commands.Sum(c => c.Duration.TotalMilliseconds):0} ms of the request's {whole:0} ms in the database");
            }
        }
        if (keep) Console.WriteLine("database kept: " + file);
        else
        {
            await factory.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    private static int IntArg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    // "first" is the first request, before any warm-up: cold caches (EF model, compiled queries) included.
    private static void Report(string what, (double First, List<double> Runs) t)
    {
        var sorted = t.Runs.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        Console.WriteLine($"{what,-44} first {t.First,7:0} ms   median {median,7:0} ms   min {sorted[0],7:0} ms   max {sorted[^1],7:0} ms   (n={sorted.Count})");
    }

    private static async Task<(double First, List<double> Runs)> Time<T>(Func<Task<T>> action, int runs, int warmup = 2)
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

    private sealed record Command(string Text, IReadOnlyList<(string Name, object? Value)> Parameters, TimeSpan Duration);

    /// <summary>Every SQL command EF runs during <paramref name="action"/>, with its time (EF's diagnostic events).</summary>
    private static async Task<List<Command>> Profile(Func<Task<string>> action)
    {
        var commands = new List<Command>();
        using var observer = new CommandObserver(commands);
        using var subscription = DiagnosticListener.AllListeners.Subscribe(observer);
        await action();
        lock (commands) return [.. commands];
    }

    private static async Task<List<string>> PlanAsync(string file, Command c)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + c.Text;
        foreach (var (name, value) in c.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var lines = new List<string>();
        var depth = new Dictionary<long, int> { [0] = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var d = depth.GetValueOrDefault(reader.GetInt64(1)) + 1;
            depth[reader.GetInt64(0)] = d;
            lines.Add(new string(' ', 2 * (d - 1)) + reader.GetString(3));
        }
        return lines;
    }

    /// <summary>Times each command from its start until its reader is closed (EF's own duration stops when the reader is
    /// returned, before SQLite has stepped through the rows).</summary>
    private sealed class CommandObserver(List<Command> commands) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly List<IDisposable> subscriptions = [];
        private readonly Dictionary<Guid, (long Start, string Text, List<(string, object?)> Parameters)> running = [];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            lock (commands)
            {
                if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData start)
                    running[start.CommandId] = (Stopwatch.GetTimestamp(), start.Command.CommandText,
                        [.. start.Command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]);
                else if (e.Key == RelationalEventId.DataReaderClosing.Name && e.Value is DataReaderClosingEventData closing && running.Remove(closing.CommandId, out var c))
                    commands.Add(new Command(c.Text, c.Parameters, Stopwatch.GetElapsedTime(c.Start)));
                else if (e.Key == RelationalEventId.CommandExecuted.Name && e.Value is CommandExecutedEventData done && done.Result is not DbDataReader
                    && running.Remove(done.CommandId, out var n))
                    commands.Add(new Command(n.Text, n.Parameters, Stopwatch.GetElapsedTime(n.Start)));
            }
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
        public void Dispose() => subscriptions.ForEach(s => s.Dispose());
    }

    /// <summary>Adds the needs of a district-year and the stored run over them; returns the run's id.</summary>
    private static async Task<int> Generate(WeishiDbContext db, int needs)
    {
        var rng = new Random(Year);
        var district = await db.Regions.IgnoreQueryFilters().SingleAsync(r => r.Level == RegionLevel.District);
        var communities = await db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.ShortName }).ToListAsync();

        // Categories spread like the demo's run (its in-scope categories), out of scope fixed at a few per cent.
        var demo = await db.MiningItems.IgnoreQueryFilters().Where(i => i.Category != Categories.OutOfScope)
            .GroupBy(i => i.Category).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var spread = demo.OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, (double)c.Count)).ToList();
        Console.WriteLine("category spread (demo run, in scope): " + string.Join(", ", spread.Select(s => $"{s.Key} {s.Item2:0}")));
        string Pick(IReadOnlyList<(string Key, double Weight)> weights)
        {
            var u = rng.NextDouble() * weights.Sum(w => w.Weight);
            foreach (var (key, weight) in weights) { if ((u -= weight) < 0) return key; }
            return weights[^1].Key;
        }
        // Community sizes vary (weights 1–3); topic sizes fall off like the demo's (the largest several times the smallest).
        var communityWeights = communities.Select((c, i) => (c.Id.ToString(CultureInfo.InvariantCulture), 1.0 + (i * 7 % 3))).ToList();
        var topicWeights = Enumerable.Range(0, TopicCount).Select(t => (t.ToString(CultureInfo.InvariantCulture), 1.0 / Math.Pow(t + 2, 0.9))).ToList();
        var topicCategory = Enumerable.Range(0, TopicCount).Select(_ => Pick(spread)).ToList();

        var phrases = new[]
        {
            "楼道灯坏了很久没人修", "希望增加老年人助餐服务", "小区健身器材老化需要更换", "孩子放学后没有地方托管", "希望开设书法和舞蹈兴趣班",
            "垃圾分类投放点太远", "路口缺少减速带很危险", "希望定期组织义诊和健康讲座", "快递没有地方存放", "外来务工人员子女入学咨询",
            "独居老人需要上门探访", "社区广场晚上噪音太大", "希望举办亲子阅读活动", "电动车充电桩不够用", "困难家庭需要临时帮扶",
        };
        var places = new[] { "三号楼", "菜市场旁", "幼儿园门口", "老旧小区", "公园北门", "社区服务中心", "十字路口", "停车场" };

        var rows = new List<(int Community, DateTime At, int Topic, string Category, int Status, string Text)>(needs);
        for (var i = 0; i < needs; i++)
        {
            var topic = int.Parse(Pick(topicWeights), CultureInfo.InvariantCulture);
            var category = rng.NextDouble() < OutOfScopeShare ? Categories.OutOfScope : rng.NextDouble() < 0.6 ? topicCategory[topic] : Pick(spread);
            var u = rng.NextDouble();
            var status = u < 0.55 ? DemandStatus.Pending : u < 0.92 ? DemandStatus.Accepted : u < 0.97 ? DemandStatus.Converted : DemandStatus.Declined;
            var community = int.Parse(Pick(communityWeights), CultureInfo.InvariantCulture);
            var name = communities.First(c => c.Id == community).ShortName;
            var text = $"{name}{places[rng.Next(places.Length)]}{phrases[(topic + rng.Next(3)) % phrases.Length]}，{phrases[rng.Next(phrases.Length)]}，居民反映多次（{i}）";
            rows.Add((community, new DateTime(Year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(rng.Next(365 * 24 * 60)), topic, category, (int)status, text));
        }
        var firstId = (await db.Demands.IgnoreQueryFilters().MaxAsync(d => (int?)d.Id) ?? 0) + 1;
        await Insert(db, "Demands", ["Text", "Channel", "RegionId", "SubmittedAtUtc", "Status", "Groups", "TrackingCode"],
            rows.Select((r, i) => new object?[] { r.Text, (int)DemandChannel.Hotline, r.Community, r.At, r.Status, 0, "BM" + i.ToString("D8", CultureInfo.InvariantCulture) }));
        var ids = await db.Demands.IgnoreQueryFilters().Where(d => d.Id >= firstId).OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
        if (ids.Count != needs) throw new InvalidOperationException("unexpected demand ids");

        // Duplicate groups of 2 (most), 3, 4 or up to 8 needs, within a topic, as the pipeline finds them.
        var group = new int?[needs];
        var byTopic = Enumerable.Range(0, needs).GroupBy(i => rows[i].Topic).ToDictionary(g => g.Key, g => g.OrderBy(_ => rng.Next()).ToList());
        for (var g = 1; g <= GroupCount; g++)
        {
            var u = rng.NextDouble();
            var size = u < 0.75 ? 2 : u < 0.92 ? 3 : u < 0.97 ? 4 : rng.Next(5, 9);
            var bucket = byTopic[int.Parse(Pick(topicWeights), CultureInfo.InvariantCulture)];
            for (var k = 0; k < size && bucket.Count > 0; k++)
            {
                group[bucket[^1]] = g;
                bucket.RemoveAt(bucket.Count - 1);
            }
        }

        var run = new MiningRun
        {
            RegionId = district.Id, From = new DateOnly(Year, 1, 1), To = new DateOnly(Year, 12, 31), DemandCount = needs,
            CreatedByName = "基准", CreatedAtUtc = DateTime.UtcNow,
        };
        for (var t = 0; t < TopicCount; t++)
        {
            var members = Enumerable.Range(0, needs).Where(i => rows[i].Topic == t).ToList();
            run.Topics.Add(new MiningTopic
            {
                Number = t, Label = phrases[t % phrases.Length][..6], Keywords = string.Join('、', phrases[t % phrases.Length].Chunk(2).Select(c => new string(c))),
                Size = members.Count,
                Monthly = MiningTopic.FormatPairs(members.GroupBy(i => rows[i].At.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => KeyValuePair.Create(g.Key, g.Count()))),
                Communities = MiningTopic.FormatPairs(members.GroupBy(i => communities.First(c => c.Id == rows[i].Community).ShortName)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => KeyValuePair.Create(g.Key, g.Count())), 4000),
                RepresentativeDemandIds = string.Join(',', members.Take(5).Select(i => ids[i].ToString(CultureInfo.InvariantCulture))),
            });
        }
        foreach (var (topic, community) in rows.Select(r => (r.Topic, r.Community)).Distinct())
            run.TopicRegions.Add(new MiningTopicRegion { TopicNumber = topic, RegionId = community });
        db.MiningRuns.Add(run);
        await db.SaveChangesAsync();
        await Insert(db, "MiningItems", ["RunId", "DemandId", "RegionId", "TopicNumber", "DuplicateGroup", "Category", "Confidence", "Keywords"],
            rows.Select((r, i) => new object?[] { run.Id, ids[i], r.Community, r.Topic, group[i], r.Category, Math.Round(0.3 + (0.7 * Math.Sqrt(rng.NextDouble())), 4), "关键词、需求" }));

        // Staff judgements since the run: merges and 不是重复 in 600 groups, 300 category corrections, 120 referrals.
        var now = DateTime.UtcNow;
        var open = new HashSet<int>([(int)DemandStatus.Pending, (int)DemandStatus.Accepted]);
        var groups = Enumerable.Range(0, needs).Where(i => group[i] is not null).GroupBy(i => group[i]!.Value).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var decisions = new List<object?[]>();
        var merges = new List<(int Id, int Into)>();
        foreach (var members in groups.OrderBy(_ => rng.Next()).Take(600).Select((m, k) => (m, k)))
        {
            var (m, k) = members;
            if (!m.All(i => open.Contains(rows[i].Status))) continue;
            if (k % 3 == 0)
            {
                decisions.Add([ids[m[0]], ids[m[1]], true, run.Id]);
                merges.Add((ids[m[1]], ids[m[0]]));
            }
            else
            {
                for (var a = 0; a < m.Count; a++)
                    for (var b = a + 1; b < m.Count; b++) decisions.Add([ids[Math.Min(m[a], m[b])], ids[Math.Max(m[a], m[b])], false, run.Id]);
            }
        }
        await Insert(db, "DuplicateDecisions", ["DemandId", "OtherDemandId", "IsDuplicate", "RunId", "RegionId", "Text", "OtherText", "DecidedByName", "DecidedAtUtc"],
            decisions.Select(d => new object?[] { d[0], d[1], d[2], d[3], district.Id, "甲", "乙", "基准", now }));
        await Execute(db, "UPDATE \"Demands\" SET \"Status\" = @p0, \"MergedIntoDemandId\" = @p1 WHERE \"Id\" = @p2",
            merges.Select(m => new object?[] { (int)DemandStatus.Merged, m.Into, m.Id }));

        var corrected = Enumerable.Range(0, needs).OrderBy(_ => rng.Next()).Take(300).ToList();
        await Insert(db, "CategoryCorrections", ["DemandId", "RegionId", "Text", "SuggestedCategory", "Category", "CorrectedByName", "CorrectedAtUtc"],
            corrected.Select((i, k) => new object?[] { ids[i], rows[i].Community, rows[i].Text, rows[i].Category,
                k % 10 == 0 ? Categories.OutOfScope : rows[i].Category == Categories.OutOfScope ? Categories.Convenience : Pick(spread), "基准", now }));

        var referred = Enumerable.Range(0, needs).Where(i => rows[i].Category == Categories.OutOfScope && open.Contains(rows[i].Status) && group[i] is null).Take(120).ToList();
        await Insert(db, "DemandReferrals", ["DemandId", "RegionId", "Department", "Note", "ReferredByName", "ReferredAtUtc"],
            referred.Select(i => new object?[] { ids[i], rows[i].Community, "区城管局", "属于市政维护", "基准", now }));
        await Execute(db, "UPDATE \"Demands\" SET \"Status\" = @p0, \"StatusReason\" = @p1 WHERE \"Id\" = @p2",
            referred.Select(i => new object?[] { (int)DemandStatus.Referred, "区城管局", ids[i] }));
        return run.Id;
    }

    private static Task Insert(WeishiDbContext db, string table, string[] columns, IEnumerable<object?[]> rows) =>
        Execute(db, $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})", rows);

    /// <summary>One prepared statement for every row, in one transaction.</summary>
    private static async Task Execute(WeishiDbContext db, string sql, IEnumerable<object?[]> rows)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        var parameters = new List<DbParameter>();
        foreach (var row in rows)
        {
            for (var i = parameters.Count; i < row.Length; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = "@p" + i;
                command.Parameters.Add(p);
                parameters.Add(p);
            }
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
    }
}
