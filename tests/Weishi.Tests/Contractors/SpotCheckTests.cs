using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors.SpotChecks;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Contractors;

public class SpotCheckSamplerTests
{
    private static List<SpotCheckCandidate> Population()
    {
        var list = new List<SpotCheckCandidate>();
        var id = 1000;
        foreach (var (sub, name) in new[] { (1, "坪山街道"), (2, "马峦街道"), (3, "碧岭街道") })
            foreach (var type in Enum.GetValues<ProjectType>())
                for (var i = 0; i < sub * 3 + (int)type; i++)
                    list.Add(new SpotCheckCandidate(id++, sub, name, type));
        return list;
    }

    [Fact]
    public void The_same_seed_gives_the_same_sample_whatever_the_order_of_candidates()
    {
        var population = Population();
        var first = SpotCheckSampler.Draw(population, 424242, 2).Select(c => c.ProjectId).ToList();
        var shuffled = population.OrderByDescending(c => c.ProjectId).ToList();
        Assert.Equal(first, SpotCheckSampler.Draw(shuffled, 424242, 2).Select(c => c.ProjectId).ToList());
        Assert.NotEqual(first, SpotCheckSampler.Draw(population, 7, 2).Select(c => c.ProjectId).ToList());
    }

    [Fact]
    public void Every_stratum_gets_its_share_and_nothing_else()
    {
        var population = Population();
        var sample = SpotCheckSampler.Draw(population, 99, 3);
        var strata = population.GroupBy(c => (c.SubdistrictId, c.Type)).ToList();
        Assert.Equal(9, strata.Count);
        foreach (var stratum in strata)
            Assert.Equal(Math.Min(3, stratum.Count()), sample.Count(s => s.SubdistrictId == stratum.Key.SubdistrictId && s.Type == stratum.Key.Type));
        Assert.Equal(sample.Count, sample.Select(s => s.ProjectId).Distinct().Count());
        Assert.All(sample, s => Assert.Contains(s, population));
    }
}

[Collection(ContractorCollection.Name)]
public class SpotCheckTests(DemoApp app)
{
    [Fact]
    public async Task The_district_draws_with_a_seed_redraws_identically_and_records_results()
    {
        const int year = 2093;
        string[] communities = ["440310001001", "440310001002", "440310005001", "440310003003"];
        var ids = new List<int>();
        foreach (var community in communities)
            for (var i = 0; i < 3; i++)
                ids.Add(await TestData.CreateProjectAsync(app.Factory, community, year, 1000_00, ProjectStatus.InProgress));
        await TestData.CreateProjectAsync(app.Factory, communities[0], year, 1000_00, ProjectStatus.Draft);

        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync("/Contractors/SpotChecks", new() { ["Period"] = "2093年第1季度", ["Year"] = year.ToString(), ["PerStratum"] = "2", ["Seed"] = "8675309" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var draw = await ContractorTestData.WithDbAsync(app.Factory, db => db.SpotCheckDraws.Include(d => d.Items).SingleAsync(d => d.Period == "2093年第1季度"));
        Assert.Equal(8675309, draw.Seed);
        // 坪山街道 has two communities here (6 service projects): one stratum of 2; 坑梓 and 石井 one stratum each.
        Assert.Equal(6, draw.Items.Count);
        Assert.All(draw.Items, i => Assert.Contains(i.ProjectId, ids));
        Assert.Equal(2, draw.Items.Count(i => i.Stratum.StartsWith("坪山街道", StringComparison.Ordinal)));

        var (_, verify) = await district.GetAsync($"/Contractors/SpotChecks/Draw/{draw.Id}?handler=Verify");
        Assert.Contains("复核一致", verify.QuerySelector("[data-testid=verify]")!.TextContent);
        Assert.Equal("8675309", verify.QuerySelector("[data-testid=seed]")!.TextContent);

        var item = draw.Items[0];
        var bad = await district.SubmitAsync($"/Contractors/SpotChecks/Draw/{draw.Id}", new() { ["itemId"] = item.Id.ToString(), ["inspector"] = "张检查", ["score"] = "150" });
        Assert.Contains("0 至 100", (await district.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
        var ok = await district.SubmitAsync($"/Contractors/SpotChecks/Draw/{draw.Id}", new() { ["itemId"] = item.Id.ToString(), ["inspector"] = "张检查", ["score"] = "72", ["findings"] = "台账不全" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = await ContractorTestData.WithDbAsync(app.Factory, db => db.SpotCheckItems.SingleAsync(i => i.Id == item.Id));
        Assert.Equal(72, stored.Score);
        Assert.Equal("张检查", stored.Inspector);
    }

    [Fact]
    public async Task A_draw_without_ongoing_projects_is_refused()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync("/Contractors/SpotChecks", new() { ["Period"] = "空期次", ["Year"] = "2099", ["PerStratum"] = "2" });
        Assert.Contains("没有实施中的项目", (await district.ReadAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.False(await ContractorTestData.WithDbAsync(app.Factory, db => db.SpotCheckDraws.AnyAsync(d => d.Period == "空期次")));
    }

    [Fact]
    public async Task The_demo_has_a_recorded_2023_draw_that_redraws_identically()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var id = await ContractorTestData.WithDbAsync(app.Factory, db => db.SpotCheckDraws.Where(d => d.Period == "2023年第3季度").Select(d => d.Id).SingleAsync());
        var (_, page) = await district.GetAsync($"/Contractors/SpotChecks/Draw/{id}?handler=Verify");
        Assert.Contains("复核一致", page.QuerySelector("[data-testid=verify]")!.TextContent);
        Assert.True(page.QuerySelectorAll("[data-testid=items] tbody tr").Length >= 30);
    }
}
