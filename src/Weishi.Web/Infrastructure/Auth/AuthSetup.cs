using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.RateLimits;

namespace Weishi.Web.Infrastructure.Auth;

public static class AuthSetup
{
    public const string LoginRateLimit = "login";
    public const string PortalRateLimit = "portal";

    public static IServiceCollection AddWeishiAuth(this IServiceCollection services, IConfiguration config)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentScope, HttpCurrentScope>();
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<WeishiDbContext>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<WeishiClaimsFactory>()
            .AddSignInManager<WeishiSignInManager>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.Cookie.Name = "weishi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnValidatePrincipal = SessionCheck.ValidatePrincipalAsync;
            // Refused reads answer 403 (rendered by the status page), not a redirect; API callers get 401.
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            o.Events.OnRedirectToLogin = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                else ctx.Response.Redirect(ctx.RedirectUri);
                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(Policies.Configure);
        services.AddScoped<PageLinkAccess>();

        var loginPerMinute = config.GetValue("RateLimits:LoginPerMinute", 30);
        var portalPerMinute = config.GetValue("RateLimits:PortalPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(LoginRateLimit, http => SharedRateLimits.PerMinute(http, LoginRateLimit, SharedRateLimits.ClientAddress(http), loginPerMinute));
            // The public need form: posts are limited per client address; reading pages is not.
            o.AddPolicy(PortalRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? SharedRateLimits.PerMinute(http, PortalRateLimit, SharedRateLimits.ClientAddress(http), portalPerMinute)
                : RateLimitPartition.GetNoLimiter("portal:read"));
        });
        return services;
    }
}
