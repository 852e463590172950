using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

[Collection(DemoCollection.Name)]
public class AccountTests(DemoApp app)
{
    [Theory]
    [InlineData("district", "/Statistics")]
    [InlineData("cs-ll", "/Home/Workbench")]
    [InlineData("sd-ps", "/Home/Workbench")]
    [InlineData("finance", "/Home/Finance")]
    [InlineData("auditor", "/Audit")]
    [InlineData("admin", "/Admin/Users")]
    [InlineData("contractor", "/Home/Contractor")]
    [InlineData("resident", "/Home/Resident")]
    public async Task Each_role_lands_on_its_own_home_page_which_renders(string user, string home)
    {
        var browser = await Browser.LoginAsync(app.Factory, user);
        var response = await browser.Client.GetAsync("/");
        Assert.Equal(home, response.Headers.Location?.OriginalString);
        var (status, page) = await browser.GetAsync(home);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("h1"));
    }

    [Fact]
    public async Task The_login_page_is_Chinese_and_a_wrong_password_says_so()
    {
        var browser = Browser.For(app.Factory);
        var (_, login) = await browser.GetAsync("/Account/Login");
        Assert.Equal("zh-CN", login.DocumentElement.GetAttribute("lang"));
        Assert.Contains("登录", login.Title);
        var response = await browser.SubmitAsync("/Account/Login", new() { ["Input.UserName"] = "district", ["Input.Password"] = "not-the-password1" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", (await browser.ReadAsync(response)).QuerySelector("[data-testid=login-error]")!.TextContent);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await CreateUserAsync("locktest", "Locktest123");
        var browser = Browser.For(app.Factory);
        for (var i = 0; i < 5; i++)
            await browser.SubmitAsync("/Account/Login", new() { ["Input.UserName"] = "locktest", ["Input.Password"] = "wrong" + i });
        var response = await browser.SubmitAsync("/Account/Login", new() { ["Input.UserName"] = "locktest", ["Input.Password"] = "Locktest123" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已锁定", (await browser.ReadAsync(response)).QuerySelector("[data-testid=login-error]")!.TextContent);
    }

    [Fact]
    public async Task A_forged_post_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        await TestData.SetBudgetAsync(app.Factory, "440310002001", 2051, 20_0000_00);
        var regionId = await TestData.RegionIdAsync(app.Factory, "440310002001");
        var district = await Browser.LoginAsync(app.Factory, "district");
        var forged = await district.Client.PostAsync("/Budgets?handler=Funds", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["regionId"] = regionId.ToString(), ["year"] = "2051", ["districtFunds"] = "1",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        Assert.Equal(20_0000_00, await db.AnnualBudgets.Where(b => b.RegionId == regionId && b.Year == 2051).Select(b => b.DistrictFundsFen).SingleAsync());
    }

    [Fact]
    public async Task The_system_admin_creates_a_community_worker_who_then_sees_only_that_community()
    {
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        var weak = await admin.SubmitAsync("/Admin/Users/Create", new()
        {
            ["UserName"] = "weak-pw", ["DisplayName"] = "弱密码", ["Password"] = "short", ["Role"] = "CommunityStaff", ["Scope"] = "440310006002",
        });
        var errors = (await admin.ReadAsync(weak)).QuerySelector("[data-testid=errors]")!.TextContent;
        Assert.Contains("密码至少需要 8 位", errors);

        var wrongScope = await admin.SubmitAsync("/Admin/Users/Create", new()
        {
            ["UserName"] = "wrong-scope", ["DisplayName"] = "错范围", ["Password"] = "Goodpass123", ["Role"] = "CommunityStaff", ["Scope"] = "440310006",
        });
        Assert.Contains("必须指定一个社区级区划代码", (await admin.ReadAsync(wrongScope)).QuerySelector("[data-testid=errors]")!.TextContent);

        var created = await admin.SubmitAsync("/Admin/Users/Create", new()
        {
            ["UserName"] = "nanbu-2", ["DisplayName"] = "南布社区 新同事", ["Password"] = "Goodpass123", ["Role"] = "CommunityStaff", ["Scope"] = "440310006002",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var worker = await Browser.LoginAsync(app.Factory, "nanbu-2", "Goodpass123");
        var (_, budgets) = await worker.GetAsync("/Budgets?year=2023");
        Assert.Equal(["440310006002"], budgets.QuerySelectorAll("[data-testid=budget-table] tbody tr").Select(r => r.GetAttribute("data-community")));
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(RoleAssignment) && a.UserName == "admin"));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "weak-pw" || u.UserName == "wrong-scope"));
    }

    [Fact]
    public async Task A_user_name_longer_than_the_columns_that_record_who_acted_is_refused_in_Chinese_and_no_account_is_made()
    {
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        var (_, form) = await admin.GetAsync("/Admin/Users/Create");
        Assert.Equal(AccountService.UserNameMaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), form.QuerySelector("#UserName")!.GetAttribute("maxlength"));
        var stem = "cs" + Guid.NewGuid().ToString("N");
        var fits = stem.PadRight(AccountService.UserNameMaxLength, 'x');
        var tooLong = fits + "x";
        Dictionary<string, string> Fields(string name) => new()
        {
            ["UserName"] = name, ["DisplayName"] = "长用户名", ["Password"] = "Goodpass123", ["Role"] = "CommunityStaff", ["Scope"] = "440310006002",
        };

        var refused = await admin.SubmitAsync("/Admin/Users/Create", Fields(tooLong));
        Assert.Equal($"用户名不能超过 {AccountService.UserNameMaxLength} 个字符", (await admin.ReadAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent.Trim());
        var created = await admin.SubmitAsync("/Admin/Users/Create", Fields(fits));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        Assert.Equal([fits], await db.Users.Where(u => u.UserName!.StartsWith(stem)).Select(u => u.UserName!).ToListAsync());
    }

    [Fact]
    public void Every_column_that_records_who_acted_holds_the_longest_user_name()
    {
        using var scope = app.Factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Model;
        var recorders = model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => p.ClrType == typeof(string) && (p.Name.EndsWith("By", StringComparison.Ordinal) || p.Name.StartsWith("By", StringComparison.Ordinal)
                || (p.Name == "UserName" && p.DeclaringType.ClrType != typeof(AppUser))))
            .ToList();
        Assert.Contains(recorders, p => p.Name == "DecidedBy" && p.DeclaringType.ClrType == typeof(ProjectDecision));
        Assert.All(recorders, p => Assert.True(p.GetMaxLength() is null or >= AccountService.UserNameMaxLength,
            $"{p.DeclaringType.ClrType.Name}.{p.Name} holds {p.GetMaxLength()} characters, fewer than a user name's {AccountService.UserNameMaxLength}"));
    }

    private async Task CreateUserAsync(string name, string password)
    {
        using var scope = app.Factory.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var (user, errors) = await accounts.CreateAsync(name, name, password, AppRole.Resident, null);
        Assert.True(user is not null, string.Join(";", errors));
    }
}
