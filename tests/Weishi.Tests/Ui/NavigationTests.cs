using System.Net;
using AngleSharp.Html.Dom;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Ui;

/// <summary>The main menu: readable dark red bar, grouped by stage, and every link it shows opens for the user.</summary>
[Collection(DemoCollection.Name)]
public class NavigationTests(DemoApp app)
{
    private static string[] MenuHrefs(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=navbar] a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToArray();

    [Fact]
    public async Task The_navbar_is_dark_red_and_its_items_do_not_wrap()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Projects");
        var navbar = page.QuerySelector("[data-testid=navbar]")!;
        Assert.DoesNotContain("bg-danger-subtle", navbar.ClassName);
        Assert.Contains("navbar-dark", navbar.ClassList);
        Assert.Contains("navbar-weishi", navbar.ClassList);
        var css = await district.Client.GetStringAsync("/css/site.css");
        Assert.Matches(@"\.navbar-weishi \{ background-color: #b71c1c;", css);
        Assert.Matches(@"\.navbar-weishi \.nav-link[^{]*\{ white-space: nowrap; \}", css);
        // Grouped into a few dropdowns by stage rather than 18 items in a row.
        var groups = page.QuerySelectorAll("[data-testid=menu] > li.dropdown > a.dropdown-toggle").Select(a => a.TextContent.Trim()).ToArray();
        Assert.Equal(["需求", "项目", "实施", "评价", "管理"], groups);
        Assert.Equal(6, page.QuerySelectorAll("[data-testid=menu] > li").Length);
    }

    [Theory]
    // The links each role had in the flat menu before it was grouped (minus those that answered 403).
    [InlineData("district", "/ /Statistics /Beneficiaries /Findings /Delivery/Execution /Inspections /Projects /Surveys /Demands /Council /Demands/Coverage /Mining /Budgets /Regions /Contractors /CostBenchmarking /Maintenance /Evaluation /Jobs /Public/Projects")]
    [InlineData("cs-ll", "/ /Statistics /Beneficiaries /Findings /Delivery/Execution /Inspections /Projects /Surveys /Demands /Council /Demands/Coverage /Mining /Budgets /Regions /Contractors /CostBenchmarking /Maintenance /Evaluation /Jobs /Public/Projects")]
    [InlineData("finance", "/ /Statistics /Beneficiaries /Findings /Delivery/Execution /Inspections /Projects /Surveys /Demands /Demands/Coverage /Budgets /Regions /Contractors /CostBenchmarking /Maintenance /Evaluation /Jobs /Public/Projects")]
    [InlineData("auditor", "/ /Statistics /Beneficiaries /Findings /Delivery/Execution /Inspections /Projects /Surveys /Demands /Demands/Coverage /Budgets /Regions /Contractors /CostBenchmarking /Maintenance /Evaluation /Audit /Jobs /Public/Projects")]
    [InlineData("admin", "/ /Audit /Admin/Users /Admin/Regions /Admin/Outbox /Jobs /Mining/Retrain /Public/Projects")]
    [InlineData("contractor", "/ /Projects /Contractors/Profile /Surveys /Public/Projects")]
    [InlineData("resident", "/ /Public/Projects")]
    public async Task Each_role_keeps_its_menu_links_and_every_one_opens(string user, string expected)
    {
        var browser = await Browser.LoginAsync(app.Factory, user);
        var (_, page) = await browser.GetAsync(user == "resident" ? "/Home/Resident" : "/Projects");
        var hrefs = MenuHrefs(page);
        Assert.Equal(expected.Split(' ').Order(), hrefs.Order());
        foreach (var href in hrefs)
        {
            var (status, _) = await browser.GetAsync(href);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{user}: {href} answered {(int)status}");
            if (status == HttpStatusCode.Redirect) Assert.Equal("/", href); // the home link sends each role to its own page
        }
    }

    [Fact]
    public async Task A_breadcrumb_to_a_page_the_user_may_not_open_is_plain_text()
    {
        var admin = await Browser.LoginAsync(app.Factory, "admin");
        var (status, page) = await admin.GetAsync("/Mining/Retrain");
        Assert.Equal(HttpStatusCode.OK, status);
        var crumbs = page.QuerySelector("main nav")!;
        Assert.Contains("需求分析", crumbs.TextContent);
        Assert.Null(crumbs.QuerySelector("a[href='/Mining']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/Mining")).Status);

        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, districtPage) = await district.GetAsync("/Mining/Retrain");
        Assert.NotNull(districtPage.QuerySelector("main nav a[href='/Mining']"));
    }
}
