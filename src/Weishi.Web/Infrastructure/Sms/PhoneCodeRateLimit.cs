using System.Threading.RateLimiting;
using Weishi.Web.Infrastructure.RateLimits;

namespace Weishi.Web.Infrastructure.Sms;

/// <summary>
/// Requests for phone codes (a ballot's, residents' sign-in) are limited per client address, in one budget shared by
/// every page that sends them: each request sends a text message, so without a limit one client could have codes sent
/// to any number of phones. The per-phone limit (<see cref="PhoneCodes.MaxPerLifetime"/>) does not stop that. Entering a
/// code is bounded by the codes (<see cref="PhoneCodes.MaxAttempts"/> each); reading pages is not limited.
/// A page opts in with [EnableRateLimiting(Policy)]; its code request is the post with handler=Code.
/// </summary>
public static class PhoneCodeRateLimit
{
    public const string Policy = "phone-code";

    public static IServiceCollection AddPhoneCodes(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<PhoneCodes>();
        var perMinute = config.GetValue("RateLimits:PhoneCodesPerMinute", 10);
        services.AddRateLimiter(o => o.AddPolicy(Policy, http =>
            HttpMethods.IsPost(http.Request.Method) && string.Equals(http.Request.Query["handler"], "Code", StringComparison.OrdinalIgnoreCase)
                ? SharedRateLimits.PerMinute(http, Policy, SharedRateLimits.ClientAddress(http), perMinute)
                : RateLimitPartition.GetNoLimiter("phone-code:other")));
        return services;
    }
}
