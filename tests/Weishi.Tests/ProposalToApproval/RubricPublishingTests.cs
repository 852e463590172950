using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Screening;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>A year's screening rubric exists only once the district publishes it; viewing a page never publishes one.</summary>
[Collection(DemoCollection.Name)]
public class RubricPublishingTests(DemoApp app)
{
    private Task<int> RubricsAsync(int year) => Fixtures.QueryAsync(app.Factory, db => db.Rubrics.CountAsync(r => r.Year == year));

    private Task<int> RubricAuditsAsync(int year) => Fixtures.QueryAsync(app.Factory, db =>
        db.AuditEntries.CountAsync(a => a.Entity == "Rubric" && a.After != null && a.After.Contains($"\"Year\":{year}")));

    [Fact]
    public async Task Opening_the_rubric_page_of_a_year_without_one_publishes_nothing()
    {
        const int year = 2067;
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        var (status, page) = await officer.GetAsync($"/Screening/Rubric?year={year}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("尚未发布", page.QuerySelector("[data-testid=rubric-none]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=rubric-version]"));
        Assert.Null(page.QuerySelector("input[name='Criteria[0].Name']"));

        var district = await Browser.LoginAsync(app.Factory, "district");
        (status, page) = await district.GetAsync($"/Screening/Rubric?year={year}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("[data-testid=rubric-none]"));
        // The district is offered the standard criteria to publish as version 1.
        Assert.Equal(RubricService.Default[0].Name, page.QuerySelector("input[name='Criteria[0].Name']")!.GetAttribute("value"));
        Assert.Contains("发布第 1 版", page.QuerySelector("[data-testid=publish]")!.TextContent);

        var (_, portal) = await Browser.For(app.Factory).GetAsync($"/Public/Rubric?year={year}");
        Assert.Null(portal.QuerySelector("[data-testid=public-rubric]"));
        Assert.Equal(0, await RubricsAsync(year));
        Assert.Equal(0, await RubricAuditsAsync(year));
    }

    [Fact]
    public async Task Only_the_district_publishes_and_the_portal_then_shows_it()
    {
        const int year = 2076;
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        var refused = await officer.SubmitAsync($"/Screening/Rubric?year={year}", Fixtures.RubricForm(RubricService.Default));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(0, await RubricsAsync(year));

        var district = await Browser.LoginAsync(app.Factory, "district");
        var ok = await district.SubmitAsync($"/Screening/Rubric?year={year}", Fixtures.RubricForm(RubricService.Default));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var rubric = await Fixtures.QueryAsync(app.Factory, db => db.Rubrics.SingleAsync(r => r.Year == year));
        Assert.Equal(1, rubric.Version);
        Assert.Equal("district", rubric.PublishedBy);

        var (_, page) = await officer.GetAsync($"/Screening/Rubric?year={year}");
        Assert.Equal("1", page.QuerySelector("[data-testid=rubric-version]")!.TextContent);
        var (_, portal) = await Browser.For(app.Factory).GetAsync($"/Public/Rubric?year={year}");
        Assert.Contains(RubricService.Default[0].Name, portal.QuerySelector("[data-testid=public-rubric]")!.TextContent);
        Assert.Equal(1, await RubricsAsync(year));
    }

    [Fact]
    public async Task A_council_meeting_for_a_year_without_a_rubric_asks_for_the_district_to_publish_one()
    {
        const int year = 2085;
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var form = new Dictionary<string, string>
        {
            ["regionId"] = regionId.ToString(CultureInfo.InvariantCulture), ["year"] = "2085", ["heldOn"] = "2084-12-01",
            ["place"] = "六联社区党群服务中心", ["quorum"] = "1", ["members"] = "张三,代表",
        };
        var r = await staff.SubmitAsync("/Council", form);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("筛选标准尚未发布，请联系区主管部门", Fixtures.Errors(await staff.ReadAsync(r)));
        Assert.Equal(0, await RubricsAsync(year));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.CouncilSessions.CountAsync(s => s.Year == year)));

        await Fixtures.PublishRubricAsync(app.Factory, year);
        r = await staff.SubmitAsync("/Council", form);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
    }
}
