using System.Threading.RateLimiting;

namespace Weishi.Web.Features.Voting;

/// <summary>
/// The public ballot's code requests are limited per client address: each sends a text message, so without a limit one
/// client could have codes sent to any number of phones. The per-phone limit (<see cref="VotingService.MaxCodesPerLifetime"/>)
/// does not stop that. Votes need a valid code, so they are bounded by the codes; reading is not limited.
/// </summary>
public static class VotingRateLimit
{
    public const string Policy = "vote";

    public static IServiceCollection AddVotingRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("RateLimits:VoteCodesPerMinute", 10);
        services.AddRateLimiter(o => o.AddPolicy(Policy, http =>
            HttpMethods.IsPost(http.Request.Method) && string.Equals(http.Request.Query["handler"], "Code", StringComparison.OrdinalIgnoreCase)
                ? RateLimitPartition.GetFixedWindowLimiter("vote-code:" + (http.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("vote:other")));
        return services;
    }
}
