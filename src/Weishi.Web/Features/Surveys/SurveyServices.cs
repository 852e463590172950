using System.Security.Cryptography;
using System.Text;
using Weishi.Web.Infrastructure.RateLimits;

namespace Weishi.Web.Features.Surveys;

public static class SurveyServices
{
    public const string AnswerRateLimit = "survey";

    /// <summary>Satisfaction surveys: the public answer page's rate limit (per address and token), the assessment input
    /// and the invitation job.</summary>
    public static IServiceCollection AddSurveys(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("RateLimits:SurveyPerMinute", 60);
        services.AddRateLimiter(o => o.AddPolicy(AnswerRateLimit, http => SharedRateLimits.PerMinute(http, AnswerRateLimit,
            SharedRateLimits.ClientAddress(http) + "|" + http.Request.RouteValues["token"], perMinute)));
        services.AddScoped<Contractors.Assessment.IAssessmentInput, SurveySatisfactionInput>();
        services.AddScoped<RectificationScanner>();
        services.AddHostedService<RectificationJob>();
        services.AddScoped<Infrastructure.Jobs.IJobHandler, SurveyInvitationJob>();
        return services;
    }

    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>A short hash of address and browser: enough to see many sheets from one device, not to identify anyone.</summary>
    public static string ClientKey(HttpContext http)
    {
        var raw = (http.Connection.RemoteIpAddress?.ToString() ?? "") + "|" + http.Request.Headers.UserAgent;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)))[..16];
    }
}
