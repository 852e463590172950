using System.Net;
using Weishi.Tests.Infrastructure;
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
}
