using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Home;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Tests.Delivery;

/// <summary>A contractor's home lists its projects a page at a time: by default this year's and earlier ones still 实施中.</summary>
[Collection(DemoCollection.Name)]
public class ContractorHomeListTests(DemoApp app)
{
    private const string Home = "/Home/Contractor";

    private async Task<List<(string Code, int Year, ProjectStatus Status)>> OwnProjectsAsync()
    {
        var contractorId = await DeliveryData.ContractorIdAsync(app.Factory);
        using var scope = app.Factory.Services.CreateScope();
        return (await DeliveryData.Db(scope).Projects.Where(p => p.ContractorId == contractorId)
            .Select(p => new { p.Code, p.Year, p.Status }).ToListAsync()).Select(p => (p.Code, p.Year, p.Status)).ToList();
    }

    private static List<string> Codes(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=contractor-projects] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task By_default_the_home_lists_this_years_projects_and_earlier_ones_still_under_way_and_says_so()
    {
        // Work of an earlier year still under way, besides the demo's finished earlier years.
        await DeliveryData.ProjectAsync(app.Factory, 2010);
        var own = await OwnProjectsAsync();
        var year = ChinaDate.Today(app.Factory.Clock).Year;
        var expected = own.Where(p => p.Year == year || (p.Year < year && p.Status == ProjectStatus.InProgress)).Select(p => p.Code).Order().ToList();
        Assert.Contains(own, p => p.Year == 2010 && p.Status == ProjectStatus.InProgress);
        Assert.Contains(own, p => p.Year == year);
        Assert.True(expected.Count < own.Count, "the demo contractor should have finished projects of earlier years");
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");

        var (_, page) = await contractor.GetAsync(Home);

        Assert.True(expected.Count <= ContractorModel.PageSize);
        Assert.Equal(expected, Codes(page).Order().ToList());
        Assert.Contains($"显示 {year} 年度的项目和往年仍在实施中的项目", page.QuerySelector("[data-testid=year-scope]")!.TextContent);
        Assert.Contains($"共 {expected.Count} 条", page.QuerySelector("nav[aria-label=分页]")!.TextContent);
    }

    [Fact]
    public async Task A_chosen_year_lists_that_years_projects_only_and_an_unknown_year_says_so_and_shows_the_default()
    {
        var own = await OwnProjectsAsync();
        var past = own.Where(p => p.Status == ProjectStatus.Accepted).Max(p => p.Year);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");

        var (_, page) = await contractor.GetAsync($"{Home}?year={past}");

        Assert.Equal(own.Where(p => p.Year == past).Select(p => p.Code).Order().ToList(), Codes(page).Order().ToList());
        Assert.Contains($"显示 {past} 年度的项目", page.QuerySelector("[data-testid=year-scope]")!.TextContent);
        Assert.Equal(past.ToString(), page.QuerySelector("[data-testid=year-filter] select option[selected]")!.GetAttribute("value"));

        var (_, unknown) = await contractor.GetAsync($"{Home}?year=1999");
        Assert.Equal("没有 1999 年度的项目，已显示默认范围", unknown.QuerySelector("[data-testid=errors]")!.TextContent.Trim());
        var (_, standard) = await contractor.GetAsync(Home);
        Assert.Equal(Codes(standard), Codes(unknown));
    }

    [Fact]
    public async Task All_years_are_paged_twenty_at_a_time_and_the_pager_keeps_the_year_choice()
    {
        var own = await OwnProjectsAsync();
        Assert.True(own.Count > ContractorModel.PageSize, "the demo contractor should have more projects than one page");
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");

        var (_, first) = await contractor.GetAsync($"{Home}?year=all");
        Assert.Equal(ContractorModel.PageSize, Codes(first).Count);
        Assert.Contains($"共 {own.Count} 条", first.QuerySelector("nav[aria-label=分页]")!.TextContent);
        var next = first.QuerySelectorAll("nav[aria-label=分页] a").Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        Assert.Contains("year=all", next);

        var pages = Codes(first);
        for (var n = 2; n <= (own.Count + ContractorModel.PageSize - 1) / ContractorModel.PageSize; n++)
        {
            var (_, page) = await contractor.GetAsync($"{Home}?year=all&page={n}");
            pages.AddRange(Codes(page));
        }
        Assert.Equal(own.Select(p => p.Code).Order().ToList(), pages.Order().ToList());
    }
}
