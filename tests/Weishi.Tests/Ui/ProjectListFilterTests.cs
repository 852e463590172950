using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Xunit;

namespace Weishi.Tests.Ui;

/// <summary>项目库's region filter (a subdistrict brings its communities) combined with years, stage and type, kept by the pager.</summary>
[Collection(DemoCollection.Name)]
public class ProjectListFilterTests(DemoApp app)
{
    public static int Total(IHtmlDocument page) =>
        int.Parse(Regex.Match(page.QuerySelector("nav[aria-label=分页]")!.TextContent, @"共 (\d+) 条").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_subdistrict_with_years_stage_and_type_lists_exactly_its_communities_projects_and_pages_keep_the_filter()
    {
        var subdistrict = await TestData.RegionIdAsync(app.Factory, "440310001");   // 坪山街道
        var district = await Browser.LoginAsync(app.Factory, "district");
        var url = $"/Projects?region={subdistrict}&from=2021&to=2022&status={ProjectStatusFilter.Implemented}&type={ProjectType.Service}";
        var (status, page) = await district.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);

        var implemented = ProjectWorkflow.Implemented;
        var expected = await Fixtures.QueryAsync(app.Factory, db => db.Projects.CountAsync(p => p.Region!.ParentId == subdistrict
            && p.Year >= 2021 && p.Year <= 2022 && implemented.Contains(p.Status) && p.Type == ProjectType.Service));
        var communities = await Fixtures.QueryAsync(app.Factory, db => db.Regions.Where(r => r.ParentId == subdistrict).Select(r => r.ShortName).ToListAsync());
        Assert.True(expected > 50, "the demo has more than one page of such projects");
        Assert.Equal(expected, Total(page));
        var rows = page.QuerySelectorAll("[data-testid=project-table] tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.All(rows, r => Assert.Contains(r[2], communities));
        Assert.All(rows, r => Assert.Equal("服务类", r[3]));
        Assert.All(rows, r => Assert.Contains(r[5], new[] { "实施中", "已完工", "已验收" }));
        Assert.Equal(subdistrict.ToString(System.Globalization.CultureInfo.InvariantCulture),
            page.QuerySelector("select[name=region] option[selected]")!.GetAttribute("value"));

        var next = page.QuerySelectorAll("nav[aria-label=分页] a").Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        foreach (var kept in new[] { $"region={subdistrict}", "from=2021", "to=2022", "status=implemented", "type=Service" }) Assert.Contains(kept, next);
        var (_, second) = await district.GetAsync("/Projects" + next);
        Assert.Equal(expected, Total(second));
        Assert.All(second.QuerySelectorAll("[data-testid=project-table] tbody tr td:nth-child(3)"), td => Assert.Contains(td.TextContent.Trim(), communities));
    }

    [Fact]
    public async Task A_community_lists_only_that_community_and_a_single_year_still_works()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync($"/Projects?region={liuLian}&year=2023");
        var expected = await Fixtures.QueryAsync(app.Factory, db => db.Projects.CountAsync(p => p.RegionId == liuLian && p.Year == 2023));
        Assert.True(expected > 0);
        Assert.Equal(expected, Total(page));
        Assert.All(page.QuerySelectorAll("[data-testid=project-table] tbody tr td:nth-child(3)"), td => Assert.Equal("六联社区", td.TextContent.Trim()));
        Assert.Equal("2023", page.QuerySelector("select[name=from] option[selected]")!.GetAttribute("value"));
        Assert.Equal("2023", page.QuerySelector("select[name=to] option[selected]")!.GetAttribute("value"));
    }

    /// <summary>The choices are the user's own regions; another region's id is refused as on the findings page.</summary>
    [Fact]
    public async Task Region_choices_are_the_users_own_and_another_region_is_refused()
    {
        var subdistrictOfficer = await Browser.LoginAsync(app.Factory, "sd-ps");
        var (_, page) = await subdistrictOfficer.GetAsync("/Projects");
        var options = page.QuerySelectorAll("select[name=region] option").Skip(1).Select(o => o.TextContent.Trim()).ToList();
        var own = await Fixtures.QueryAsync(app.Factory, db => db.Regions.Where(r => r.Code.StartsWith("440310001")).OrderBy(r => r.Code)
            .Select(r => r.Level == RegionLevel.Community ? r.ShortName : r.Name).ToListAsync());
        Assert.Equal(own, options);

        var tangKeng = await TestData.RegionIdAsync(app.Factory, "440310003002");
        var (refused, _) = await subdistrictOfficer.GetAsync($"/Projects?region={tangKeng}");
        Assert.Equal(HttpStatusCode.NotFound, refused);
        var (unknown, _) = await subdistrictOfficer.GetAsync("/Projects?region=999999");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }
}
