using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Statistics;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Accounts;

/// <summary>
/// 区划维护: the system administrator adds a community under a subdistrict and renames regions, validated and audited;
/// the new community takes budgets, projects, accounts and statistics like a seeded one. On a database of its own, so
/// the demo keeps its 24 communities.
/// </summary>
public class RegionMaintenanceTests : IAsyncLifetime
{
    private const string Password = "Goodpass123";
    private const string PingShan = "440310001";          // 坪山街道
    private const string NewCode = "440310001099";
    private OwnApp _app = null!;
    private WeishiAppFactory Factory => _app.Factory;

    public async Task InitializeAsync()
    {
        _app = await OwnApp.StartAsync();
        await CreateAccountAsync("admin", AppRole.SystemAdmin, null);
        await CreateAccountAsync("district", AppRole.DistrictAdmin, null);
        await CreateAccountAsync("sd-ps", AppRole.SubdistrictOfficer, PingShan);
    }

    private async Task CreateAccountAsync(string name, AppRole role, string? scopeCode)
    {
        using var scope = Factory.Services.CreateScope();
        var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(name, name, Password, role, scopeCode);
        Assert.True(user is not null, string.Join(";", errors));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_new_community_is_validated_in_Chinese_and_a_refused_one_is_not_stored()
    {
        var admin = await Browser.LoginAsync(Factory, "admin", Password);
        var before = await QueryAsync(db => db.Regions.CountAsync());
        Assert.Equal("社区区划代码应为 12 位数字（统计用区划代码）", await AddAsync(admin, PingShan, "44031000109", "新城社区居委会", "XC"));
        Assert.Equal("社区区划代码应为 12 位数字（统计用区划代码）", await AddAsync(admin, PingShan, "44031000109a", "新城社区居委会", "XC"));
        Assert.StartsWith("社区区划代码应以所属街道的代码 440310001 开头", await AddAsync(admin, PingShan, "440310002099", "新城社区居委会", "XC"));
        Assert.StartsWith("社区区划代码应以所属街道的代码 440310001 开头", await AddAsync(admin, PingShan, "440310001000", "新城社区居委会", "XC"));
        Assert.Equal("区划代码 440310001001 已被“六联社区居委会”使用", await AddAsync(admin, PingShan, "440310001001", "新城社区居委会", "XC"));
        Assert.Equal("请填写区划名称", await AddAsync(admin, PingShan, NewCode, " ", "XC"));
        Assert.Equal("同一上级区划下已有名为“六和社区”的区划", await AddAsync(admin, PingShan, NewCode, "六和社区", "XC"));
        Assert.Equal("拼音缩写应为 2–6 个大写字母（用于项目编号，如 LL）", await AddAsync(admin, PingShan, NewCode, "新城社区居委会", "X1"));
        Assert.Equal("拼音缩写 LL 已被“六联社区居委会”的项目编号使用", await AddAsync(admin, PingShan, NewCode, "新城社区居委会", "ll"));
        Assert.Equal("拼音缩写 PSX 已被“坪山街道”的项目编号使用", await AddAsync(admin, PingShan, NewCode, "新城社区居委会", "PSX"));
        Assert.Equal(before, await QueryAsync(db => db.Regions.CountAsync()));
        Assert.False(await QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(Region))));

        Assert.Null(await AddAsync(admin, PingShan, NewCode, "新城社区居委会", "xc"));
        var region = await QueryAsync(db => db.Regions.Include(r => r.Parent).SingleAsync(r => r.Code == NewCode));
        Assert.Equal(("新城社区居委会", "新城社区", "XC", RegionLevel.Community, PingShan), (region.Name, region.ShortName, region.Abbr, region.Level, region.Parent!.Code));
        var audit = await QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == nameof(Region) && a.EntityId == region.Id.ToString()));
        Assert.Equal(("Added", "admin"), (audit.Action, audit.UserName));
    }

    [Fact]
    public async Task A_region_is_renamed_with_validation_and_the_change_is_audited()
    {
        var admin = await Browser.LoginAsync(Factory, "admin", Password);
        var liuHe = await QueryAsync(db => db.Regions.SingleAsync(r => r.Code == "440310001002"));
        Assert.Equal("请填写区划名称", await RenameAsync(admin, liuHe.Id, ""));
        Assert.Equal("同一上级区划下已有名为“六联社区居委会”的区划", await RenameAsync(admin, liuHe.Id, "六联社区居委会"));
        Assert.Equal($"区划名称不能超过 {RegionMaintenance.NameMaxLength} 个字", await RenameAsync(admin, liuHe.Id, new string('名', RegionMaintenance.NameMaxLength + 1)));
        Assert.Equal("六和社区居委会", await QueryAsync(db => db.Regions.Where(r => r.Id == liuHe.Id).Select(r => r.Name).SingleAsync()));

        Assert.Null(await RenameAsync(admin, liuHe.Id, "六和新村社区居委会"));
        var renamed = await QueryAsync(db => db.Regions.SingleAsync(r => r.Id == liuHe.Id));
        Assert.Equal(("六和新村社区居委会", "六和新村社区", "440310001002"), (renamed.Name, renamed.ShortName, renamed.Code));
        var audit = await QueryAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == nameof(Region) && a.EntityId == liuHe.Id.ToString()));
        Assert.Equal(("Modified", "admin"), (audit.Action, audit.UserName));
        Assert.Contains("六和新村社区居委会", audit.After);
        Assert.Contains("六和社区居委会", audit.Before);
    }

    [Fact]
    public async Task Only_the_system_administrator_maintains_regions()
    {
        var district = await Browser.LoginAsync(Factory, "district", Password);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/Admin/Regions")).Status);
    }

    [Fact]
    public async Task A_new_community_gets_a_budget_a_staff_account_and_projects_and_counts_in_the_statistics()
    {
        var admin = await Browser.LoginAsync(Factory, "admin", Password);
        Assert.Null(await AddAsync(admin, PingShan, NewCode, "新城社区居委会", "XC"));
        var regionId = await QueryAsync(db => db.Regions.Where(r => r.Code == NewCode).Select(r => r.Id).SingleAsync());

        var district = await Browser.LoginAsync(Factory, "district", Password);
        var funds = await district.SubmitAsync("/Budgets?year=2052", new() { ["regionId"] = regionId.ToString(), ["year"] = "2052", ["districtFunds"] = "500000" },
            postUrl: "/Budgets?handler=Funds");
        Assert.Equal(HttpStatusCode.Redirect, funds.StatusCode);
        Assert.Equal(50_0000_00, await QueryAsync(db => db.AnnualBudgets.Where(b => b.RegionId == regionId && b.Year == 2052).Select(b => b.DistrictFundsFen).SingleAsync()));

        var created = await admin.SubmitAsync("/Admin/Users/Create", new()
        {
            ["UserName"] = "cs-xc", ["DisplayName"] = "新城社区", ["Password"] = Password, ["Role"] = "CommunityStaff", ["Scope"] = NewCode,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var proposed = await TestData.CreateProjectAsync(Factory, NewCode, 2052, 10_0000_00);
        var carriedOut = await TestData.CreateProjectAsync(Factory, NewCode, 2052, 20_0000_00, ProjectWorkflow.Implemented.First());

        var worker = await Browser.LoginAsync(Factory, "cs-xc", Password);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/Projects/Detail/{proposed}")).Status);
        var (_, budgets) = await worker.GetAsync("/Budgets?year=2052");
        Assert.Equal([NewCode], budgets.QuerySelectorAll("[data-testid=budget-table] tbody tr").Select(r => r.GetAttribute("data-community")));
        // Another community's worker does not see it: the scope check holds for the new community too.
        await CreateAccountAsync("cs-ll", AppRole.CommunityStaff, "440310001001");
        var other = await Browser.LoginAsync(Factory, "cs-ll", Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Projects/Detail/{proposed}")).Status);

        // The subdistrict's officer, signing in after the change, covers the new community.
        var officer = await Browser.LoginAsync(Factory, "sd-ps", Password);
        var (_, subBudgets) = await officer.GetAsync("/Budgets?year=2052");
        Assert.Contains(NewCode, subBudgets.QuerySelectorAll("[data-testid=budget-table] tbody tr").Select(r => r.GetAttribute("data-community")));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Projects/Detail/{carriedOut}")).Status);

        using var scope = Factory.Services.CreateScope();
        var statistics = await scope.ServiceProvider.GetRequiredService<StatisticsQuery>().LoadAsync();
        Assert.Contains(new StatRow("新城社区", 1, 0), statistics.ByCommunity(2052));
        Assert.Contains(statistics.BySubdistrict(2052), r => r.Label == "坪山街道" && r.Projects == 1);
    }

    [Fact]
    public async Task A_subdistrict_officer_signed_in_before_a_community_is_added_covers_it_at_the_next_request()
    {
        var officer = await Browser.LoginAsync(Factory, "sd-ps", Password);
        Assert.DoesNotContain("新城社区", await RegionFilterAsync(officer));
        var admin = await Browser.LoginAsync(Factory, "admin", Password);
        Assert.Null(await AddAsync(admin, PingShan, NewCode, "新城社区居委会", "XC"));
        var project = await TestData.CreateProjectAsync(Factory, NewCode, 2052, 10_0000_00);

        // The next request, in the same session: the claims are written again and the cookie with them.
        var next = await officer.Client.GetAsync("/Projects");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.True(WritesSessionCookie(next));
        Assert.Contains("新城社区", await RegionFilterAsync(officer));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Projects/Detail/{project}")).Status);
        // Written once: the renewed cookie carries the regions as they are now.
        Assert.False(WritesSessionCookie(await officer.Client.GetAsync("/Projects")));

        // Another subdistrict's officer does not gain it.
        await CreateAccountAsync("sd-kz", AppRole.SubdistrictOfficer, "440310005");
        var other = await Browser.LoginAsync(Factory, "sd-kz", Password);
        Assert.DoesNotContain("新城社区", await RegionFilterAsync(other));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Projects/Detail/{project}")).Status);
    }

    private static bool WritesSessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("weishi.auth", StringComparison.Ordinal));

    /// <summary>The names offered in /Projects' region filter; the page must open (the session still signed in).</summary>
    private static async Task<IReadOnlyList<string>> RegionFilterAsync(Browser user)
    {
        var (status, page) = await user.GetAsync("/Projects");
        Assert.Equal(HttpStatusCode.OK, status);
        return page.QuerySelectorAll("[data-testid=project-filter] select[name=region] option").Select(o => o.TextContent.Trim()).ToList();
    }

    private static async Task<string?> AddAsync(Browser admin, string subdistrictCode, string code, string name, string abbr)
    {
        var subdistrictId = await SubdistrictIdAsync(admin, subdistrictCode);
        var response = await admin.SubmitAsync("/Admin/Regions", new()
        {
            ["Input.SubdistrictId"] = subdistrictId, ["Input.Code"] = code, ["Input.Name"] = name, ["Input.Abbr"] = abbr,
        }, postUrl: "/Admin/Regions?handler=Add");
        return await ErrorAsync(admin, response);
    }

    private static async Task<string?> RenameAsync(Browser admin, int id, string name)
    {
        var response = await admin.SubmitAsync("/Admin/Regions", new() { ["id"] = id.ToString(), ["name"] = name }, postUrl: "/Admin/Regions?handler=Rename");
        return await ErrorAsync(admin, response);
    }

    private static async Task<string?> ErrorAsync(Browser admin, HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return null;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await admin.ReadAsync(response)).QuerySelector("[data-testid=errors]")?.TextContent.Trim();
    }

    /// <summary>The subdistrict's id as the form offers it.</summary>
    private static async Task<string> SubdistrictIdAsync(Browser admin, string code)
    {
        var (_, page) = await admin.GetAsync("/Admin/Regions");
        return page.QuerySelectorAll("#sub option").Single(o => o.TextContent.Contains(code)).GetAttribute("value")!;
    }

    private async Task<T> QueryAsync<T>(Func<WeishiDbContext, Task<T>> query)
    {
        using var scope = Factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<WeishiDbContext>());
    }
}
