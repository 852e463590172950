using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Demands;

/// <summary>
/// Per-client limits behind a reverse proxy: X-Forwarded-For counts only when the request comes from a configured
/// proxy; from anyone else it is ignored (so a client cannot dodge the limit by inventing addresses).
/// </summary>
public class ForwardedHeadersTests : IAsyncLifetime
{
    private const string Proxy = "10.1.2.3";
    private TestDatabase _db = null!;
    private ProxiedFactory _factory = null!;

    /// <summary>TestServer has no peer address: this filter sets it from a test header before the app's pipeline.</summary>
    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nxt) =>
            {
                if (ctx.Request.Headers.TryGetValue("X-Test-Peer", out var peer)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nxt(ctx);
            });
            next(app);
        };
    }

    private sealed class ProxiedFactory(TestDatabase db) : WeishiAppFactory(db, seedDemo: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimits:PortalPerMinute", "2");
            builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFilter>());
        }
    }

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _factory = new ProxiedFactory(_db);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<HttpStatusCode> PostAsync(string peer, string forwardedFor)
    {
        var browser = Browser.For(_factory);
        browser.Client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return (await browser.PostMultipartAsync("/Portal/Submit", new() { ["Text"] = "" })).StatusCode;
    }

    [Fact]
    public async Task Clients_behind_the_configured_proxy_have_their_own_limits_and_others_cannot_forge_one()
    {
        // Through the known proxy: the forwarded client address is the partition.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Proxy, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Proxy, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(Proxy, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Proxy, "203.0.113.8"));

        // From an unknown address the header is ignored: the peer itself is limited whatever it claims.
        const string unknown = "198.51.100.9";
        Assert.Equal(HttpStatusCode.OK, await PostAsync(unknown, "203.0.113.20"));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(unknown, "203.0.113.21"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostAsync(unknown, "203.0.113.22"));
    }
}
