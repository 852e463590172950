using System.Threading.RateLimiting;
using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Deviations;
using Weishi.Web.Features.Participants;

namespace Weishi.Web.Features.Delivery;

public static class DeliveryServices
{
    public const string SignInRateLimit = "signin";

    /// <summary>Delivery and supervision: registers, guards, the daily deviation job and the public sign-in's rate limit.</summary>
    public static IServiceCollection AddDeliverySupervision(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ParticipantRegister>();
        services.AddScoped<DisbursementGuard>();
        services.AddScoped<DeviationScanner>();
        services.AddMemoryCache();
        services.AddScoped<ConcentrationQuery>();
        services.AddScoped<BeneficiaryQuery>();
        services.AddScoped<ExecutionQuery>();
        services.AddHostedService<DeviationJob>();
        // Per address and session: a whole activity may sit behind one community Wi-Fi address.
        var perMinute = config.GetValue("RateLimits:SignInPerMinute", 120);
        services.AddRateLimiter(o => o.AddPolicy(SignInRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            (http.Connection.RemoteIpAddress?.ToString() ?? "local") + "|" + http.Request.RouteValues["token"],
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1) })));
        return services;
    }

    /// <summary>A 24-character random token for a session's QR code.</summary>
    public static string NewSignInToken() =>
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}
