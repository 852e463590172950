using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Infrastructure.RateLimits;

namespace Weishi.Tests.Foundation;

/// <summary>
/// Two app instances on one database with low limits (3 a minute), as behind a load balancer. Requests come from
/// loopback with X-Forwarded-For, so each test picks its own client addresses and the tests do not disturb each other.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    public const int Limit = 3;
    private TestDatabase _database = null!;
    public WeishiAppFactory A { get; private set; } = null!;
    public WeishiAppFactory B { get; private set; } = null!;
    public bool OnPostgres => _database.Provider == "Postgres";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        A = new LowLimits(_database);
        A.StartServer();
        B = new LowLimits(_database);
        B.StartServer();
    }

    public async Task DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await _database.DisposeAsync();
    }

    public sealed class LowLimits(TestDatabase database) : WeishiAppFactory(database, seedDemo: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:PortalPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:LoginPerMinute", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, LoopbackPeer>());
        }
    }

    /// <summary>TestServer has no peer address: every request comes from loopback, a proxy whose X-Forwarded-For counts.</summary>
    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nxt) =>
            {
                ctx.Connection.RemoteIpAddress ??= IPAddress.Loopback;
                return nxt(ctx);
            });
            next(app);
        };
    }
}

/// <summary>
/// The public limits are counted where every instance sees them: in the database on PostgreSQL (keyed hashes of the
/// addresses, never the addresses), in memory on SQLite (one process).
/// </summary>
public class SharedRateLimitTests(TwoInstances apps) : IClassFixture<TwoInstances>
{
    private const string TooMany = "请求过于频繁";

    /// <summary>A need-form post of <paramref name="client"/> on <paramref name="app"/>, ready to send: the page (not
    /// limited) is read first, so that posts can go out at the same moment.</summary>
    private static async Task<Func<Task<HttpResponseMessage>>> PreparePostAsync(WeishiAppFactory app, string client)
    {
        var browser = Browser.For(app);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        var (_, doc) = await browser.GetAsync("/Portal/Submit");
        var token = doc.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return () => browser.Client.PostAsync("/Portal/Submit", new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(""), "Text" },
        });
    }

    private static async Task<HttpStatusCode> PostAsync(WeishiAppFactory app, string client) =>
        (await (await PreparePostAsync(app, client))()).StatusCode;

    private Task<List<RateLimitWindow>> WindowsAsync() =>
        Fixtures.QueryAsync(apps.A, db => db.RateLimitWindows.AsNoTracking().ToListAsync());

    [Fact]
    public async Task On_PostgreSQL_two_instances_share_one_limit_and_the_next_post_on_either_is_refused_in_Chinese()
    {
        if (!apps.OnPostgres) return; // SQLite serves one process: each would count alone
        const string client = "203.0.113.10";
        Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, client));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.B, client));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, client));
        foreach (var app in new[] { apps.B, apps.A })
        {
            var refused = await (await PreparePostAsync(app, client))();
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains(TooMany, await refused.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task On_PostgreSQL_the_login_limit_is_shared_by_the_instances_too()
    {
        if (!apps.OnPostgres) return;
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= TwoInstances.Limit; i++)
        {
            var browser = Browser.For(i % 2 == 0 ? apps.A : apps.B);
            browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.11");
            statuses.Add((await browser.GetAsync("/Account/Login")).Status);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_new_window_starts_fresh()
    {
        const string client = "203.0.113.20";
        for (var i = 0; i < TwoInstances.Limit; i++) Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, client));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(apps.A, client));
        using (apps.A.Clock.Advance(SharedRateLimits.Window))
        {
            for (var i = 0; i < TwoInstances.Limit; i++) Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, client));
            Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(apps.A, client));
        }
    }

    [Fact]
    public async Task Different_clients_are_counted_apart()
    {
        for (var i = 0; i < TwoInstances.Limit; i++) Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, "203.0.113.30"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(apps.A, "203.0.113.30"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, "203.0.113.31"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.B, "203.0.113.32"));
    }

    [Fact]
    public async Task No_client_address_is_stored_in_clear()
    {
        string[] clients = ["203.0.113.40", "2001:db8::41"];
        foreach (var client in clients) Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, client));
        var windows = await WindowsAsync();
        if (!apps.OnPostgres)
        {
            Assert.Empty(windows); // counted in memory
            return;
        }
        Assert.All(windows, w => Assert.Matches(new Regex("^[a-z-]+:[0-9a-f]{64}$"), w.Partition));
        foreach (var client in clients)
            Assert.DoesNotContain(windows, w => w.Partition.Contains(client, StringComparison.OrdinalIgnoreCase));
        Assert.True(windows.Count(w => w.Partition.StartsWith("portal:", StringComparison.Ordinal)) >= clients.Length);
    }

    [Fact]
    public async Task Posts_at_the_same_moment_are_counted_exactly()
    {
        const string client = "203.0.113.50";
        const int posts = 12;
        var prepared = new List<Func<Task<HttpResponseMessage>>>();
        for (var i = 0; i < posts; i++) prepared.Add(await PreparePostAsync(i % 2 == 0 || !apps.OnPostgres ? apps.A : apps.B, client));
        var statuses = (await Task.WhenAll(prepared.Select(post => Task.Run(post)))).Select(r => r.StatusCode).ToList();
        Assert.Equal(TwoInstances.Limit, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(posts - TwoInstances.Limit, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task On_PostgreSQL_windows_that_ended_are_swept_and_open_ones_kept()
    {
        if (!apps.OnPostgres) return;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, "203.0.113.60"));
        var before = await WindowsAsync();
        using (apps.A.Clock.Advance(SharedRateLimits.Window + RateLimitWindowSweeper.Grace + TimeSpan.FromSeconds(1)))
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(apps.A, "203.0.113.61"));
            var open = (await WindowsAsync()).Except(before, new ByPartition()).Single();
            await Fixtures.ExecAsync(apps.A, db => RateLimitWindowSweeper.DeleteEndedAsync(db, apps.A.Clock.GetUtcNow().UtcDateTime));
            Assert.Equal([open.Partition], (await WindowsAsync()).Select(w => w.Partition));
        }
    }

    private sealed class ByPartition : IEqualityComparer<RateLimitWindow>
    {
        public bool Equals(RateLimitWindow? x, RateLimitWindow? y) => x?.Partition == y?.Partition;
        public int GetHashCode(RateLimitWindow w) => w.Partition.GetHashCode(StringComparison.Ordinal);
    }
}

/// <summary>PostgreSQL: a request whose count cannot be taken is refused as unavailable, in Chinese, and not let through.</summary>
public class SharedRateLimitOutageTests
{
    [Fact]
    public async Task When_the_count_cannot_be_taken_the_post_is_refused_as_unavailable_and_stores_nothing()
    {
        if (!TestDatabase.UsePostgres) return;
        await using var app = await OwnApp.StartAsync(("RateLimits:PortalPerMinute", "3"));
        var browser = Browser.For(app.Factory);
        await Fixtures.ExecAsync(app.Factory, db => db.Database.ExecuteSqlRawAsync("""DROP TABLE "RateLimitWindows" """));
        var marker = DemandHelpers.Marker();
        var response = await browser.PostMultipartAsync("/Portal/Submit", new() { ["Text"] = $"路灯不亮 {marker}", ["Community"] = DemandHelpers.LiuLian });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("服务暂时不可用", await response.Content.ReadAsStringAsync());
        Assert.Empty(await DemandHelpers.DemandsContainingAsync(app.Factory, marker));
    }
}
