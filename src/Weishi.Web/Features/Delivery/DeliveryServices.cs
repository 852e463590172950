using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Deviations;
using Weishi.Web.Features.Participants;
using Weishi.Web.Infrastructure.RateLimits;

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
        services.AddScoped<CompletionCheck>();
        // One instance per request behind both names: the completion page hands it the checklist it built.
        services.AddScoped<CompletionGuard>();
        services.AddScoped<Projects.IProjectStepGuard>(sp => sp.GetRequiredService<CompletionGuard>());
        services.AddScoped<Projects.IProjectStepGuard, Acceptance.AcceptanceGuard>();
        services.AddHostedService<DeviationJob>();
        // Per address and session: a whole activity may sit behind one community Wi-Fi address.
        var perMinute = config.GetValue("RateLimits:SignInPerMinute", 120);
        services.AddRateLimiter(o => o.AddPolicy(SignInRateLimit, http => SharedRateLimits.PerMinute(http, SignInRateLimit,
            SharedRateLimits.ClientAddress(http) + "|" + http.Request.RouteValues["token"], perMinute)));
        return services;
    }

    /// <summary>A 24-character random token for a session's QR code.</summary>
    public static string NewSignInToken() =>
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
}
