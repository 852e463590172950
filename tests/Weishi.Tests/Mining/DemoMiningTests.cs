using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demo;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Mining;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>The demo ships a finished district-wide 需求分析 of the needs collected for 2023, mined by the job's code.</summary>
[Collection(DemoCollection.Name)]
public class DemoMiningTests(DemoApp app)
{
    private Task<MiningRun> DemoRunAsync() => QueryAsync(app.Factory, db => db.MiningRuns.AsNoTracking().Include(r => r.Topics).Include(r => r.Items)
        .SingleAsync(r => r.CreatedByName == DemoMiningBuilder.CreatedBy));

    [Fact]
    public async Task The_district_opens_the_demo_run_with_its_topics_category_shares_and_duplicates()
    {
        var run = await DemoRunAsync();
        var districtId = await QueryAsync(app.Factory, db => db.Regions.Where(r => r.Level == RegionLevel.District).Select(r => r.Id).SingleAsync());
        Assert.Equal(districtId, run.RegionId);
        Assert.Equal((new DateOnly(2022, 9, 1), new DateOnly(2022, 12, 31)), (run.From, run.To));
        var demands = await QueryAsync(app.Factory, db => db.Demands.IgnoreQueryFilters()
            .CountAsync(d => d.SubmittedAtUtc >= new DateTime(2022, 9, 1, 0, 0, 0, DateTimeKind.Utc) && d.SubmittedAtUtc < new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.InRange(run.DemandCount, 100, demands);
        Assert.Equal(run.DemandCount, run.Items.Count);
        Assert.True(run.Topics.Count > 1);
        Assert.Equal(run.DemandCount, run.Topics.Sum(t => t.Size));

        var district = await Browser.LoginAsync(app.Factory, "district");
        // /Mining opens on the district's latest run: the demo's, unless a test has mined the district since.
        var (_, landing) = await district.GetAsync("/Mining");
        var latest = await QueryAsync(app.Factory, db => db.MiningRuns.Where(r => r.RegionId == districtId).MaxAsync(r => r.Id));
        Assert.Contains($"分析编号 {latest} ", landing.QuerySelector("[data-testid=run-summary]")!.TextContent);

        var (status, page) = await district.GetAsync($"/Mining?run={run.Id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(run.DemandCount.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=run-count]")!.TextContent);
        var rows = page.QuerySelectorAll("[data-testid=topic]").ToList();
        var topics = run.Topics.OrderBy(t => t.Number).ToList();
        Assert.Equal(topics.Count, rows.Count);
        for (var i = 0; i < topics.Count; i++)
        {
            Assert.Equal(topics[i].Label, rows[i].QuerySelector("[data-testid=topic-label]")!.TextContent);
            Assert.Equal(topics[i].Size.ToString(CultureInfo.InvariantCulture), rows[i].QuerySelector("[data-testid=topic-size]")!.TextContent);
        }
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=topic-proposal]"));
        var trend = JsonDocument.Parse(page.QuerySelector("#trend-data")!.TextContent).RootElement;
        Assert.Contains("2022-09", trend.GetProperty("months").EnumerateArray().Select(m => m.GetString()));

        // The category share chart's data counts every need of the run once.
        var shares = JsonDocument.Parse(page.QuerySelector("#share-data")!.TextContent).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(shares);
        Assert.Equal(run.Items.Count, shares.Sum(s => s.GetProperty("value").GetInt32()));
        Assert.All(shares, s => Assert.False(string.IsNullOrEmpty(s.GetProperty("name").GetString())));
        Assert.Equal(shares.Count, page.QuerySelectorAll("[data-testid=shares] tbody tr").Length);

        // Duplicates: one group to merge for each stored group with at least two needs still open.
        var statuses = await QueryAsync(app.Factory, db => db.Demands.IgnoreQueryFilters().Where(d => db.MiningItems.Any(i => i.RunId == run.Id && i.DemandId == d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Status));
        var toMerge = run.Items.Where(i => i.DuplicateGroup != null).GroupBy(i => i.DuplicateGroup)
            .Where(g => g.Count(i => DemandRules.OpenStatuses.Contains(statuses[i.DemandId])) >= 2).ToList();
        Assert.True(toMerge.Count > 0, "the demo's needs repeat each other");
        // They are shown a page at a time, in order, with how many groups the run found.
        Assert.Equal(run.Items.Max(i => i.DuplicateGroup)!.Value.ToString(CultureInfo.InvariantCulture), page.QuerySelector("[data-testid=duplicates-found]")!.TextContent);
        Assert.Equal(toMerge.Count > MiningView.GroupsPerPage, page.QuerySelector("[data-testid=duplicates-pager]") is not null);
        var shown = page.QuerySelectorAll("[data-testid=duplicate-group] input[name=group]").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(toMerge.Select(g => g.Key!.Value).Order().Take(MiningView.GroupsPerPage), shown);
        // Every member of such a group is shown, the ones already handled too.
        Assert.Equal(toMerge.Where(g => shown.Contains(g.Key!.Value)).Sum(g => g.Count()), page.QuerySelectorAll("[data-testid=duplicate-member]").Length);
    }

    [Fact]
    public async Task Community_staff_see_only_their_own_communitys_runs_not_the_demos_district_run()
    {
        var run = await DemoRunAsync();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Mining?run={run.Id}")).Status);
        var (status, page) = await staff.GetAsync("/Mining");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(page.QuerySelectorAll("#region option"), o => o.GetAttribute("value") == run.RegionId.ToString(CultureInfo.InvariantCulture));
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        if (page.QuerySelector("[data-testid=run-summary]") is { } summary)
        {
            // A run of their own community (another test's) is shown, never one that covers other communities.
            var shownId = int.Parse(summary.TextContent.Split("分析编号 ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
            Assert.Equal(liuLian, await QueryAsync(app.Factory, db => db.MiningRuns.IgnoreQueryFilters().Where(r => r.Id == shownId).Select(r => r.RegionId).SingleAsync()));
        }
        else Assert.NotNull(page.QuerySelector("[data-testid=no-run]"));
        Assert.DoesNotContain(run.Topics.OrderBy(t => t.Number).First().Label, page.QuerySelector("[data-testid=topics]")?.TextContent ?? "");
    }

    [Fact]
    public async Task Clearing_the_demo_deletes_the_runs_and_the_database_deletes_their_topics_regions_and_items()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        // Inside a transaction rolled back at the end: the other tests keep the demo's run.
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.True(await db.MiningTopics.IgnoreQueryFilters().AnyAsync());
        Assert.True(await db.MiningItems.IgnoreQueryFilters().AnyAsync());
        Assert.True(await db.MiningTopicRegions.IgnoreQueryFilters().AnyAsync());

        await DemoMiningBuilder.ClearAsync(db, CancellationToken.None);

        Assert.False(await db.MiningRuns.IgnoreQueryFilters().AnyAsync());
        Assert.False(await db.MiningTopics.IgnoreQueryFilters().AnyAsync());
        Assert.False(await db.MiningItems.IgnoreQueryFilters().AnyAsync());
        Assert.False(await db.MiningTopicRegions.IgnoreQueryFilters().AnyAsync());
        await transaction.RollbackAsync();
    }
}
