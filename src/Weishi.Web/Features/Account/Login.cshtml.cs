using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Features.Account;

[EnableRateLimiting(AuthSetup.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写用户名")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "请填写密码")]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Error = string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.IsLockedOut ? "密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系系统管理员"
            : result.IsNotAllowed && await IsSwitchedOffAsync() ? AccountService.DisabledMessage
            : "用户名或密码不正确";
        return Page();
    }

    // A switched-off account answers NotAllowed only to its right password (WeishiSignInManager): only who knows the
    // password learns it is 停用; a wrong one is counted toward the lockout and told as for any account.
    private async Task<bool> IsSwitchedOffAsync() =>
        await users.FindByNameAsync(Input.UserName.Trim()) is { IsDisabled: true };
}
