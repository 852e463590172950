using System.Net;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Foundation;

/// <summary>Every page of the foundation renders for a user who may open it, with its Chinese title.</summary>
[Collection(DemoCollection.Name)]
public class PageSmokeTests(DemoApp app)
{
    [Theory]
    [InlineData("district", "/Regions?year=2022", "区划与年度预算")]
    [InlineData("district", "/Budgets?year=2021", "社区年度预算")]
    [InlineData("district", "/Projects?year=2023&type=Works", "项目库")]
    [InlineData("district", "/Projects?q=长者", "项目库")]
    [InlineData("district", "/Contractors", "承接单位")]
    [InlineData("district", "/Contractors/Edit", "登记承接单位")]
    [InlineData("district", "/Demands?channel=Meeting", "居民需求")]
    [InlineData("finance", "/Statistics", "项目统计")]
    [InlineData("auditor", "/Audit?page=2", "审计日志")]
    [InlineData("admin", "/Admin/Users", "用户管理")]
    [InlineData("admin", "/Admin/Users/Create", "新建用户")]
    [InlineData("admin", "/Admin/Outbox", "短信发件箱")]
    [InlineData("sd-kz", "/Regions", "区划与年度预算")]
    [InlineData("cs-ll", "/Projects?page=2", "项目库")]
    public async Task Page_renders(string user, string url, string heading)
    {
        var browser = await Browser.LoginAsync(app.Factory, user);
        var (status, page) = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(heading, page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_region_tree_lists_every_community_with_its_budget()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Regions?year=2023");
        var rows = page.QuerySelectorAll("[data-testid=region-tree] tr[data-community]");
        Assert.Equal(24, rows.Length);
        Assert.All(rows, r => Assert.DoesNotContain("未下达预算", r.TextContent));
    }

    [Fact]
    public async Task A_project_page_shows_lines_payments_and_allowed_steps_only()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, list) = await staff.GetAsync("/Projects?year=2021");
        var link = list.QuerySelector("[data-testid=project-table] tbody a")!.GetAttribute("href")!;
        var (status, page) = await staff.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("已验收", page.QuerySelector("[data-testid=project-status]")!.TextContent);
        Assert.Contains("当前状态下您没有可执行的操作", page.Body!.TextContent);
        var text = page.Body.TextContent;
        Assert.True(text.Contains("预付款", StringComparison.Ordinal) || text.Contains("全额拨付", StringComparison.Ordinal));
        Assert.Contains("专业服务人员费", text + string.Join("", page.QuerySelectorAll("td").Select(td => td.TextContent)));
    }
}
