using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Sms;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Residents;

/// <summary>居民登录 by phone code: the account keyed by the phone's hash, codes hashed, expiring, with limited guesses.</summary>
[Collection(DemoCollection.Name)]
public class ResidentSignInTests(DemoApp app)
{
    [Fact]
    public async Task A_resident_signs_in_with_the_texted_code_and_the_first_sign_in_creates_an_audited_account()
    {
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        var resident = await SignInAsync(app.Factory, phone);

        var (status, home) = await resident.GetAsync("/Home/Resident");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("居民 " + phone[..3] + "****" + phone[^4..], home.QuerySelector("[data-testid=current-user]")!.TextContent.Trim());

        var user = await Fixtures.QueryAsync(app.Factory, db => db.Users.AsNoTracking().SingleAsync(u => u.PhoneHash == hash));
        Assert.Null(user.PasswordHash);
        var roles = await Fixtures.QueryAsync(app.Factory, db => db.RoleAssignments.Where(a => a.UserId == user.Id).Select(a => a.Role).ToListAsync());
        Assert.Equal([AppRole.Resident], roles);
        var audit = await Fixtures.QueryAsync(app.Factory, db => db.AuditEntries.Where(a => a.Entity == "AppUser" && a.EntityId == user.Id).ToListAsync());
        Assert.Contains("创建居民账号", Assert.Single(audit).After);

        // Signing in again with the same phone finds the same account; the used code does not open it again.
        var again = await SignInAsync(app.Factory, phone);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/Home/Resident")).Status);
        Assert.Equal(1, await Fixtures.QueryAsync(app.Factory, db => db.Users.CountAsync(u => u.PhoneHash == hash)));
        Assert.Single(await Fixtures.QueryAsync(app.Factory, db => db.AuditEntries.Where(a => a.Entity == "AppUser" && a.EntityId == user.Id).ToListAsync()));
    }

    [Fact]
    public async Task The_phone_is_stored_only_encrypted_masked_and_hashed_and_the_code_only_hashed()
    {
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        var browser = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, browser, phone);
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.Where(c => c.PhoneHash == hash).Select(c => c.CodeHash).SingleAsync());
        Assert.DoesNotContain(code, stored);
        Assert.Equal(HttpStatusCode.Redirect, (await EnterCodeAsync(browser, phone, code)).StatusCode);

        var user = await Fixtures.QueryAsync(app.Factory, db => db.Users.AsNoTracking().SingleAsync(u => u.PhoneHash == hash));
        Assert.Equal(phone[..3] + "****" + phone[^4..], user.PhoneMasked);
        Assert.NotNull(user.PhoneEncrypted);
        // No column of the account's row holds the number, nor its last eight digits.
        var row = await Fixtures.QueryAsync(app.Factory, db => db.Users.Where(u => u.Id == user.Id).Select(u => new
        {
            u.Id, u.UserName, u.NormalizedUserName, u.Email, u.PhoneNumber, u.DisplayName, u.PhoneEncrypted, u.PhoneMasked, u.PhoneHash,
        }).SingleAsync());
        foreach (var value in new[] { row.Id, row.UserName, row.NormalizedUserName, row.Email, row.PhoneNumber, row.DisplayName, row.PhoneEncrypted, row.PhoneMasked, row.PhoneHash })
            Assert.DoesNotContain(phone[3..], value ?? "");
        var audit = await Fixtures.QueryAsync(app.Factory, db => db.AuditEntries.Where(a => a.EntityId == user.Id).Select(a => a.After + a.UserName).ToListAsync());
        Assert.All(audit, a => Assert.DoesNotContain(phone[3..], a));
    }

    [Fact]
    public async Task A_wrong_code_is_refused_and_after_five_wrong_guesses_even_the_right_code_is()
    {
        var phone = NewPhone();
        var browser = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, browser, phone);
        var first = await EnterCodeAsync(browser, phone, Wrong(code));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal($"验证码不正确，请核对短信中的 6 位数字后重新输入（还可尝试 {PhoneCodes.MaxAttempts - 1} 次）", Error(await browser.ReadAsync(first)));
        for (var i = 1; i < PhoneCodes.MaxAttempts; i++) await EnterCodeAsync(browser, phone, Wrong(code));

        var right = await EnterCodeAsync(browser, phone, code);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal("验证码错误次数过多，该验证码已失效，请点击“获取验证码”重新获取", Error(await browser.ReadAsync(right)));
        var hash = await HashAsync(app.Factory, phone);
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Users.CountAsync(u => u.PhoneHash == hash)));
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        var phone = NewPhone();
        var browser = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, browser, phone);
        HttpResponseMessage late;
        using (app.Factory.Clock.Advance(PhoneCodes.Lifetime.Add(TimeSpan.FromMinutes(1))))
            late = await EnterCodeAsync(browser, phone, code);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal("验证码已过期（有效期 10 分钟）或尚未获取，请点击“获取验证码”重新获取", Error(await browser.ReadAsync(late)));
        var hash = await HashAsync(app.Factory, phone);
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Users.CountAsync(u => u.PhoneHash == hash)));
    }

    [Fact]
    public async Task A_bad_phone_is_refused_and_a_phone_gets_at_most_three_codes_per_lifetime()
    {
        var browser = Browser.For(app.Factory);
        foreach (var bad in new[] { "12345", "23800000000", "1380000000a" })
        {
            var r = await AskCodeAsync(browser, bad);
            Assert.Equal("手机号码应为 11 位数字，以 13–19 开头", Error(await browser.ReadAsync(r)));
        }
        Assert.Equal("请填写手机号码", Error(await browser.ReadAsync(await EnterCodeAsync(browser, "", "123456"))));

        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        for (var i = 0; i < PhoneCodes.MaxPerLifetime; i++) await RequestCodeAsync(app.Factory, browser, phone);
        var fourth = await AskCodeAsync(browser, phone);
        Assert.StartsWith("验证码发送过于频繁：同一手机号 10 分钟内最多获取 3 次", Error(await browser.ReadAsync(fourth)));
        Assert.Equal(PhoneCodes.MaxPerLifetime, await Fixtures.QueryAsync(app.Factory, db => db.SmsOutbox.CountAsync(m => m.PhoneHash == hash)));
    }

    [Fact]
    public async Task The_login_page_and_the_portal_link_to_the_phone_sign_in()
    {
        var visitor = Browser.For(app.Factory);
        var (_, login) = await visitor.GetAsync("/Account/Login");
        Assert.Equal("/Account/Phone", login.QuerySelector("[data-testid=resident-sign-in]")!.GetAttribute("href"));
        var (_, portal) = await visitor.GetAsync("/Portal");
        Assert.Equal("/Account/Phone", portal.QuerySelector("[data-testid=resident-sign-in]")!.GetAttribute("href"));
        var (_, signedIn) = await (await SignInAsync(app.Factory, NewPhone())).GetAsync("/Portal");
        Assert.Equal("/Home/Resident", signedIn.QuerySelector("[data-testid=my-page]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task After_a_code_is_sent_the_form_signs_in_rather_than_asking_for_another_code()
    {
        var browser = Browser.For(app.Factory);
        var page = await browser.ReadAsync(await AskCodeAsync(browser, NewPhone()));
        Assert.NotNull(page.QuerySelector("[data-testid=code-sent]"));
        Assert.Equal("/Account/Phone", page.QuerySelector("[data-testid=phone-sign-in]")!.GetAttribute("action"));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var browser = Browser.For(app.Factory);
        var r = await browser.Client.PostAsync("/Account/Phone?handler=Code", new FormUrlEncodedContent([new("Phone", NewPhone())]));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
    }
}
