using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Auth;

/// <summary>
/// Checks every signed-in request against the account as stored now: a session whose account was switched off (停用),
/// deleted, or whose security stamp changed since sign-in (a role granted or revoked, a password reset) is signed out
/// at once instead of when Identity's own check next runs (every 30 minutes). One small query per request; a
/// subdistrict officer's session also compares the regions it was signed in with (<see cref="ScopeClaims.RegionsVersion"/>).
/// </summary>
public static class SessionCheck
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var userId = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stampType = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = context.Principal?.FindFirstValue(stampType);
        var db = http.RequestServices.GetRequiredService<WeishiDbContext>();
        var account = userId is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == userId).Select(u => new { u.SecurityStamp, u.DisabledAtUtc })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (account is null || account.DisabledAtUtc is not null || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (context.Principal!.FindFirstValue(ScopeClaims.RegionsVersion) is { } version
            && version != (await WeishiClaimsFactory.RegionsVersionAsync(db, http.RequestAborted)).ToString(CultureInfo.InvariantCulture))
            await RewriteClaimsAsync(context, userId!);
        // Identity's own check: every 30 minutes it writes the claims again.
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>
    /// A community was added since the subdistrict officer signed in: the claims are written again from the account as
    /// stored, and the cookie with them, so the officer covers it from this request on without signing in again.
    /// </summary>
    private static async Task RewriteClaimsAsync(CookieValidatePrincipalContext context, string userId)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        if (await signIn.UserManager.FindByIdAsync(userId) is not { } user) return;
        context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
        context.ShouldRenew = true;
    }
}
