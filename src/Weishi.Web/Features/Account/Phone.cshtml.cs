using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Web.Features.Account;

/// <summary>
/// 居民登录: a mobile number, a code sent to it, and the resident is signed in. The first sign-in creates the account
/// (<see cref="ResidentAccounts"/>). Code requests are limited per client (<see cref="PhoneCodeRateLimit"/>) and per phone,
/// codes expire and allow a few guesses (<see cref="PhoneCodes"/>).
/// </summary>
[EnableRateLimiting(PhoneCodeRateLimit.Policy)]
public sealed class PhoneModel(WeishiDbContext db, PhoneCodes codes, PersonalData personal, ResidentAccounts accounts, SignInManager<AppUser> signIn)
    : PageModel
{
    public const string CodePurpose = "sign-in";

    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>"验证码已发送至 138****1234，10 分钟内有效" after a code was sent.</summary>
    public string? CodeSentNotice { get; private set; }
    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        Error = await codes.SendAsync(CodePurpose, Phone,
            code => $"【民生微实事】您的登录验证码为 {code}，{PhoneCodes.Lifetime.TotalMinutes:0} 分钟内有效，请勿告诉他人。", ct);
        if (Error is null)
            CodeSentNotice = $"验证码已发送至 {PersonalData.MaskPhone(Phone!)}，{PhoneCodes.Lifetime.TotalMinutes:0} 分钟内有效";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Error = PersonalData.ValidatePhone(Phone);
        if (Error is not null) return Page();
        var phone = Phone!.Trim();
        var phoneHash = await personal.HashAsync(phone, ct);
        Error = await codes.CheckAsync(CodePurpose, phoneHash, Code, ct: ct);
        if (Error is not null) return Page();
        try
        {
            await db.SaveChangesAsync(ct);   // the code is used up
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another post of this code signed in with it (or counted a guess on it) since the check.
            Error = PhoneCodes.UsedMeanwhile;
            return Page();
        }
        // The code is used up for good before the account is looked up or created: creation is find-or-create and may
        // lose the race for the phone to another sign-in, whose account it then reads (it must not wait for this post).
        await db.CommitSoFarAsync(ct);
        var user = await accounts.FindOrCreateAsync(phone, phoneHash, ct);
        if (!await signIn.CanSignInAsync(user))
        {
            Error = AccountService.DisabledMessage;
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/Home/Resident");
    }
}
