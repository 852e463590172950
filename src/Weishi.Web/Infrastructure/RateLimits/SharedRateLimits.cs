using System.Threading.RateLimiting;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.RateLimits;

/// <summary>
/// The public pages' fixed-window limits per client (login, portal posts, phone-code requests, QR sign-in, survey
/// answers). On PostgreSQL the count is in the database, so every app instance behind the load balancer shares one
/// limit; on SQLite, one process, it is in memory. Pages opt in with [EnableRateLimiting(policy)] as before; a refused
/// request gets 429 and a Chinese message.
/// </summary>
public static class SharedRateLimits
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddSharedRateLimits(this IServiceCollection services, IConfiguration config)
    {
        if (DatabaseSetup.IsPostgres(config))
        {
            services.AddSingleton<IWindowCounter, DatabaseWindowCounter>();
            services.AddHostedService<RateLimitWindowSweeper>();
        }
        else
        {
            services.AddSingleton<IWindowCounter, MemoryWindowCounter>();
        }
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var unavailable = ctx.Lease.TryGetMetadata(MetadataName.ReasonPhrase, out var reason) && reason == SharedWindowLimiter.CountUnavailable;
                ctx.HttpContext.Response.StatusCode = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status429TooManyRequests;
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(unavailable ? "服务暂时不可用，请稍后再试。" : "请求过于频繁，请稍后再试。", ct);
            };
        });
        return services;
    }

    /// <summary>The client's address as the app sees it (after X-Forwarded-For from a known proxy).</summary>
    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>A partition of <paramref name="policy"/> for <paramref name="client"/>: at most <paramref name="perMinute"/>
    /// requests in a window of <see cref="Window"/>.</summary>
    public static RateLimitPartition<string> PerMinute(HttpContext http, string policy, string client, int perMinute)
    {
        var counter = http.RequestServices.GetRequiredService<IWindowCounter>();
        var time = http.RequestServices.GetRequiredService<TimeProvider>();
        var log = http.RequestServices.GetRequiredService<ILogger<SharedWindowLimiter>>();
        return RateLimitPartition.Get(client, key => new SharedWindowLimiter(policy, key, perMinute, Window, counter, time, log));
    }
}
