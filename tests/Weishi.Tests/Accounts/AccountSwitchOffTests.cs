using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Sms;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Accounts;

/// <summary>停用 / 启用 of accounts on /Admin/Users: refused at sign-in, sessions ended, audited, with guards.</summary>
[Collection(DemoCollection.Name)]
public class AccountSwitchOffTests(DemoApp app)
{
    private const string Password = "Goodpass123";
    private const int MaxFailedAccessAttempts = 5;   // AuthSetup's lockout

    [Fact]
    public async Task A_switched_off_account_is_refused_at_password_login_and_only_its_password_learns_why()
    {
        var (name, id) = await NewStaffAsync();
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        Assert.Null(await DisableAsync(admin, id, "调离坪山街道"));

        var refused = await LoginAsync(name, Password);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(AccountService.DisabledMessage, refused.Error);
        var wrongPassword = await LoginAsync(name, "Wrongpass123");
        Assert.Equal("用户名或密码不正确", wrongPassword.Error);

        // 启用 gives the account back, with its role.
        var enabled = await admin.SubmitAsync($"/Admin/Users/Edit/{id}", [], postUrl: $"/Admin/Users/Edit/{id}?handler=Enable");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        var worker = await Browser.LoginAsync(app.Factory, name, Password);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/Home/Workbench")).Status);

        var audit = await QueryAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(AppUser) && a.EntityId == id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["Disabled", "Enabled"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("admin", a.UserName));
        Assert.Contains("调离坪山街道", audit[0].After);
        Assert.Contains("调离坪山街道", audit[1].After);   // 启用 names the switch-off it undoes
    }

    [Fact]
    public async Task A_switched_off_resident_is_refused_at_phone_code_login()
    {
        var phone = NewPhone();
        await SignInAsync(app.Factory, phone);
        var hash = await HashAsync(app.Factory, phone);
        var id = await QueryAsync(db => db.Users.Where(u => u.PhoneHash == hash).Select(u => u.Id).SingleAsync());
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        Assert.Null(await DisableAsync(admin, id, "冒用他人手机号"));

        var browser = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, browser, phone);
        var response = await EnterCodeAsync(browser, phone, code);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AccountService.DisabledMessage, Error(await browser.ReadAsync(response)));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/Home/Resident")).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_against_a_switched_off_account_lock_it_as_any_other()
    {
        var (name, id) = await NewStaffAsync();
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        Assert.Null(await DisableAsync(admin, id, "离职"));

        for (var i = 1; i < MaxFailedAccessAttempts; i++)
            Assert.Equal("用户名或密码不正确", (await LoginAsync(name, "Wrongpass123")).Error);
        Assert.Equal(MaxFailedAccessAttempts - 1, await QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.AccessFailedCount).SingleAsync()));
        Assert.Contains("账号已锁定", (await LoginAsync(name, "Wrongpass123")).Error);
        var lockedUntil = await QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockedUntil > app.Factory.Clock.GetUtcNow(), $"stored lockout end {lockedUntil}");

        // Locked, the right password learns no more than a wrong one: not even that the account is switched off.
        Assert.Contains("账号已锁定", (await LoginAsync(name, Password)).Error);
    }

    [Fact]
    public async Task Wrong_codes_against_a_switched_off_resident_use_up_the_code_as_for_any_phone()
    {
        var phone = NewPhone();
        await SignInAsync(app.Factory, phone);
        var hash = await HashAsync(app.Factory, phone);
        var id = await QueryAsync(db => db.Users.Where(u => u.PhoneHash == hash).Select(u => u.Id).SingleAsync());
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        Assert.Null(await DisableAsync(admin, id, "冒用他人手机号"));

        var browser = Browser.For(app.Factory);
        var code = await RequestCodeAsync(app.Factory, browser, phone);
        for (var i = 0; i < PhoneCodes.MaxAttempts; i++)
            Assert.StartsWith("验证码不正确", Error(await browser.ReadAsync(await EnterCodeAsync(browser, phone, Wrong(code)))));
        // The right code after that is refused as used up, before the account is looked at.
        Assert.Contains("错误次数过多", Error(await browser.ReadAsync(await EnterCodeAsync(browser, phone, code))));
    }

    [Fact]
    public async Task An_open_session_of_a_switched_off_account_is_signed_out_at_its_next_request()
    {
        var (name, id) = await NewStaffAsync();
        var worker = await Browser.LoginAsync(app.Factory, name, Password);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/Home/Workbench")).Status);

        var admin = await Browser.LoginAsync(app.Factory, "admin");
        Assert.Null(await DisableAsync(admin, id, "离职"));

        var next = await worker.Client.GetAsync("/Home/Workbench");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.StartsWith("/Account/Login", next.Headers.Location!.PathAndQuery);
        // Signed out for good: the cookie is gone, not only this request refused.
        Assert.Equal(HttpStatusCode.Redirect, (await worker.Client.GetAsync("/Projects")).StatusCode);
    }

    [Fact]
    public async Task A_reason_is_required_and_a_refused_switch_off_changes_nothing()
    {
        var (name, id) = await NewStaffAsync();
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        Assert.Equal("请填写停用原因", await DisableAsync(admin, id, "  "));
        Assert.Equal($"停用原因不能超过 {AccountService.DisableReasonMaxLength} 个字", await DisableAsync(admin, id, new string('因', AccountService.DisableReasonMaxLength + 1)));

        Assert.Null(await QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.DisabledAtUtc).SingleAsync()));
        Assert.False(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(AppUser) && a.EntityId == id)));
        Assert.Equal(HttpStatusCode.Redirect, (await LoginResponseAsync(name, Password)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_cannot_switch_off_their_own_account()
    {
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        var adminId = await QueryAsync(db => db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync());
        Assert.Equal("不能停用自己的账号", await DisableAsync(admin, adminId, "测试"));
        Assert.Null(await QueryAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.DisabledAtUtc).SingleAsync()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).Status);
    }

    [Fact]
    public async Task The_users_list_shows_the_state_and_filters_by_it()
    {
        var (active, _) = await NewStaffAsync();
        var (disabled, disabledId) = await NewStaffAsync();
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        Assert.Null(await DisableAsync(admin, disabledId, "离职"));

        string? State(AngleSharp.Html.Dom.IHtmlDocument page, string user) =>
            page.QuerySelector($"tr[data-user='{user}'] [data-testid=user-state]")?.TextContent.Trim();
        var (_, all) = await admin.GetAsync("/Admin/Users?q=switch-");
        Assert.Equal("正常", State(all, active));
        Assert.Equal("已停用", State(all, disabled));
        var (_, onlyDisabled) = await admin.GetAsync("/Admin/Users?q=switch-&state=disabled");
        Assert.Null(State(onlyDisabled, active));
        Assert.Equal("已停用", State(onlyDisabled, disabled));
        var (_, onlyActive) = await admin.GetAsync("/Admin/Users?q=switch-&state=active");
        Assert.Equal("正常", State(onlyActive, active));
        Assert.Null(State(onlyActive, disabled));
    }

    private Task<(string Name, string Id)> NewStaffAsync() => AccountTestData.NewStaffAsync(app.Factory, "switch-", "停用测试", Password);

    /// <summary>Posts 停用 on the user's page; the error shown, or null when it redirected (done).</summary>
    private static async Task<string?> DisableAsync(Browser admin, string id, string reason)
    {
        var response = await admin.SubmitAsync($"/Admin/Users/Edit/{id}", new() { ["reason"] = reason },
            postUrl: $"/Admin/Users/Edit/{id}?handler=Disable", formSelector: "[data-testid=disable-form]");
        if (response.StatusCode == HttpStatusCode.Redirect) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await admin.ReadAsync(response)).QuerySelector("[data-testid=errors]")?.TextContent.Trim();
    }

    private Task<HttpResponseMessage> LoginResponseAsync(string user, string password) =>
        Browser.For(app.Factory).SubmitAsync("/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = password });

    private async Task<(HttpStatusCode Status, string? Error)> LoginAsync(string user, string password)
    {
        var browser = Browser.For(app.Factory);
        var response = await browser.SubmitAsync("/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = password });
        return (response.StatusCode, (await browser.ReadAsync(response)).QuerySelector("[data-testid=login-error]")?.TextContent.Trim());
    }

    private Task<T> QueryAsync<T>(Func<WeishiDbContext, Task<T>> query) => AccountTestData.QueryAsync(app.Factory, query);
}
