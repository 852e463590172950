using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using static Weishi.Tests.Demands.DemandHelpers;

namespace Weishi.Tests.Demands;

[Collection(DemoCollection.Name)]
public class CoverageTests(DemoApp app)
{
    [Fact]
    public async Task Coverage_counts_who_was_heard_and_flags_under_represented_groups_against_the_population()
    {
        // A year of its own in 六和 so other tests' rows do not change the counts.
        var staff = await Browser.LoginAsync(app.Factory, "cs-lh");
        var liuHe = (await TestData.RegionIdAsync(app.Factory, LiuHe)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 3; i++)
        {
            var r = await staff.SubmitAsync("/Demands/Create", new()
            {
                ["Text"] = $"覆盖面测试需求 {Marker()}", ["RegionId"] = liuHe, ["Channel"] = "Visit", ["CollectedOn"] = "2019-05-0" + (i + 1),
                ["ResidentType"] = "Registered", ["AgeBand"] = "From60",
            });
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        var saved = await staff.SubmitAsync($"/Demands/Coverage?community={liuHe}&year=2019", new()
        {
            ["Population[type:Registered]"] = "3000", ["Population[type:Permanent]"] = "2000", ["Population[type:Migrant]"] = "5000",
            // The whole form, as the page posts it: the other segments must fit the new total too.
            ["Population[age:Under18]"] = "2000", ["Population[age:From18To35]"] = "3800", ["Population[age:From36To59]"] = "3000", ["Population[age:From60]"] = "1200",
            ["Population[group:Elderly]"] = "1200", ["Population[group:FamilyWithChildren]"] = "3000", ["Population[group:Disability]"] = "200",
            ["TotalPopulation"] = "10000",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, page) = await staff.GetAsync($"/Demands/Coverage?community={liuHe}&year=2019");
        Assert.Equal("3", page.QuerySelector("[data-testid=coverage-total]")!.TextContent.Trim());
        Assert.Contains("入户走访", page.QuerySelector("[data-testid=coverage-channels]")!.TextContent);
        var migrant = page.QuerySelector("tr[data-segment='type:Migrant']")!;
        Assert.Contains("偏少", migrant.TextContent);
        Assert.Contains("来深建设者", page.QuerySelector("[data-testid=visit-list]")!.TextContent);
        Assert.DoesNotContain("偏少", page.QuerySelector("tr[data-segment='type:Registered']")!.TextContent);

        // Another community's staff cannot read or edit it.
        var other = await Browser.LoginAsync(app.Factory, "cs-ll");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Demands/Coverage?community={liuHe}&year=2019")).Status);
    }

    [Theory]
    [InlineData("age:Under18", "5000000", "10", "18 岁以下人口（5000000）不能超过常住人口总数（10）")]
    [InlineData("age:Under18", "5000000", "10", "人口数应为 0 到 1000000 之间的整数")]
    [InlineData("group:Elderly", "1001", "1000", "老年人人口（1001）不能超过常住人口总数（1000）")]
    [InlineData("age:From60", "999", "1000", "各年龄段人口合计")]
    [InlineData("type:Migrant", "999", "1000", "各居民类型人口合计")]
    public async Task A_population_profile_above_its_total_or_absurdly_large_is_refused_and_nothing_changes(string segment, string value, string total, string message)
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var liuLian = await TestData.RegionIdAsync(app.Factory, LiuLian);
        var id = liuLian.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var before = await ProfileAsync(liuLian);
        // Every other figure is one: a part may equal the total, so only the named segment and its dimension's sum break the rule.
        var fields = Segment.All.ToDictionary(s => $"Population[{s.Key}]", _ => "1");
        fields[$"Population[{segment}]"] = value;
        fields["TotalPopulation"] = total;
        var response = await staff.SubmitAsync($"/Demands/Coverage?community={id}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Parser.ParseDocument(response.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Equal(before, await ProfileAsync(liuLian));
    }

    private Task<string> ProfileAsync(int regionId) => Weishi.Tests.ProposalToApproval.Fixtures.QueryAsync(app.Factory, async db =>
        string.Join(";", (await db.CommunityPopulations.Where(p => p.RegionId == regionId).ToListAsync())
            .OrderBy(p => p.Segment, StringComparer.Ordinal).Select(p => $"{p.Segment}={p.Population}")));
}
