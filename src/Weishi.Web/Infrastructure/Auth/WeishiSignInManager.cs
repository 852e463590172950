using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Weishi.Web.Features.Accounts;

namespace Weishi.Web.Infrastructure.Auth;

/// <summary>
/// Identity's sign-in, refusing switched-off accounts (停用). A password sign-in checks the password first, so a wrong
/// one counts toward the lockout as for any account, and answers NotAllowed only to the right password.
/// </summary>
public sealed class WeishiSignInManager(
    UserManager<AppUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        // Identity asks CanSignInAsync before the password: a switched-off account's wrong passwords would never count.
        if (!user.IsDisabled) return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (await IsLockedOut(user)) return await LockedOut(user);
        if (await UserManager.CheckPasswordAsync(user, password)) return SignInResult.NotAllowed;
        if (lockoutOnFailure && UserManager.SupportsUserLockout)
        {
            var counted = await UserManager.AccessFailedAsync(user);
            if (!counted.Succeeded) return SignInResult.Failed;
            if (await UserManager.IsLockedOutAsync(user)) return await LockedOut(user);
        }
        return SignInResult.Failed;
    }
}
