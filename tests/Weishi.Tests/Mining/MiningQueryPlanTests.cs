using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>
/// On a district's run of 100,000 needs, a query that names needs of the run (corrections, referrals, the needs listed)
/// but reads the run's items by the run alone scans all of them for each need: seconds per page (bench/README.md, the
/// mining page). SQLite chooses its plan without statistics, so the plan on a small run is the plan on a large one.
/// </summary>
[Collection(DemoCollection.Name)]
public partial class MiningQueryPlanTests(DemoApp app)
{
    [Fact]
    public async Task The_page_looks_needs_of_a_run_up_by_need_not_by_reading_the_run()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2236, [.. Enumerable.Range(0, 12).Select(i => $"第{i}条查询计划测试需求")]);
        var run = new MiningRun
        {
            RegionId = liuLian, From = new DateOnly(2236, 1, 1), To = new DateOnly(2236, 12, 31), DemandCount = ids.Count, CreatedByName = "测试", CreatedAtUtc = DateTime.UtcNow,
        };
        run.Topics.Add(new MiningTopic
        {
            Number = 0, Label = "查询计划", Keywords = "测试", Size = ids.Count, Monthly = $"2236-01={ids.Count}", Communities = $"六联={ids.Count}",
            RepresentativeDemandIds = string.Join(',', ids.Take(3)),
        });
        for (var i = 0; i < ids.Count; i++)
        {
            run.Items.Add(new MiningItem
            {
                DemandId = ids[i], TopicNumber = 0, DuplicateGroup = i < 4 ? (i / 2) + 1 : null,
                Category = i >= 8 ? Categories.OutOfScope : Categories.Culture, Confidence = 0.5, Keywords = "测试",
            });
        }
        await QueryAsync(app.Factory, db =>
        {
            db.MiningRuns.Add(run);
            return db.SaveChangesAsync();
        });
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        // A correction into 不属于微实事 and a referral, so the page runs every query it has.
        var correct = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["demand"] = ids[5].ToString(CultureInfo.InvariantCulture), ["category"] = Categories.OutOfScope },
            $"/Mining?handler=Correct&run={run.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, correct.StatusCode);
        var refer = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["demand"] = ids[9].ToString(CultureInfo.InvariantCulture), ["department"] = "区城管局" },
            $"/Mining?handler=Refer&run={run.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refer.StatusCode);

        var commands = await CommandsOfAsync(staff, $"/Mining?run={run.Id}");

        var ofThisRun = commands.Where(c => OfRun(c.Parameters, run.Id)).ToList();
        var namingNeeds = ofThisRun.Where(c => NamesNeeds().IsMatch(c.Text)).ToList();
        // The plans are SQLite's; PostgreSQL plans with its statistics.
        if (!await QueryAsync(app.Factory, db => Task.FromResult(db.Database.IsSqlite()))) return;
        Assert.True(namingNeeds.Count >= 5, "the page's queries naming needs of the run were not seen:\n" + string.Join("\n\n", ofThisRun.Select(c => c.Text)));
        foreach (var (text, parameters) in namingNeeds)
        {
            var plan = await QueryAsync(app.Factory, db => QueryPlans.PlanAsync(db, text, parameters));
            // Reading the run's items by the run alone ("… (RunId=?)") or all items ("SCAN m") is the scan.
            Assert.DoesNotContain(plan, step => ReadsTheRun().IsMatch(step));
        }
    }

    /// <summary>
    /// Where a topic's open needs are and its first open texts: read from the topic's items of each of its stored regions
    /// until the first open one, and from the topic's items in need order until the fifth open one, never from all the
    /// topic's (or the run's) items, which on a district's run is a walk of 100,000 needs per page.
    /// </summary>
    [Fact]
    public async Task A_topics_places_and_first_texts_are_read_from_the_topics_items_in_order_of_region_and_need()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2237, [.. Enumerable.Range(0, 8).Select(i => $"第{i}条主题查询计划测试需求")]);
        var run = new MiningRun
        {
            RegionId = liuLian, From = new DateOnly(2237, 1, 1), To = new DateOnly(2237, 12, 31), DemandCount = ids.Count, CreatedByName = "测试", CreatedAtUtc = DateTime.UtcNow,
        };
        for (var t = 0; t < 2; t++)
        {
            run.Topics.Add(new MiningTopic
            {
                Number = t, Label = "主题查询计划" + t, Keywords = "测试", Size = 4, Monthly = "2237-01=4", Communities = "六联=4",
                RepresentativeDemandIds = ids[t * 4].ToString(CultureInfo.InvariantCulture),
            });
            run.TopicRegions.Add(new MiningTopicRegion { TopicNumber = t, RegionId = liuLian });
        }
        for (var i = 0; i < ids.Count; i++)
        {
            run.Items.Add(new MiningItem
            {
                DemandId = ids[i], RegionId = liuLian, TopicNumber = i / 4, Category = Categories.Culture, Confidence = 0.5, Keywords = "测试",
            });
        }
        await QueryAsync(app.Factory, db =>
        {
            db.MiningRuns.Add(run);
            return db.SaveChangesAsync();
        });
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");

        var commands = (await CommandsOfAsync(staff, $"/Mining?run={run.Id}")).Where(c => OfRun(c.Parameters, run.Id)).ToList();

        if (!await QueryAsync(app.Factory, db => Task.FromResult(db.Database.IsSqlite()))) return;
        var places = Assert.Single(commands, c => c.Text.Contains("FROM \"MiningTopicRegions\"", StringComparison.Ordinal) && c.Text.Contains("EXISTS", StringComparison.Ordinal));
        var plan = await QueryAsync(app.Factory, db => QueryPlans.PlanAsync(db, places.Text, places.Parameters));
        Assert.Contains(plan, step => step.StartsWith("SEARCH m0 ", StringComparison.Ordinal) && step.EndsWith("(RunId=? AND TopicNumber=? AND RegionId=?)", StringComparison.Ordinal));
        var texts = commands.Where(c => c.Text.StartsWith("SELECT \"d\".\"Text\"", StringComparison.Ordinal) && c.Text.Contains("LIMIT", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, texts.Count);
        foreach (var (text, parameters) in texts)
        {
            var steps = await QueryAsync(app.Factory, db => QueryPlans.PlanAsync(db, text, parameters));
            Assert.Contains(steps, step => step.StartsWith("SEARCH m ", StringComparison.Ordinal) && step.EndsWith("(RunId=? AND TopicNumber=?)", StringComparison.Ordinal));
            Assert.DoesNotContain(steps, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The groups still to merge are judged from each group's first need, in the order of the index (run, group, need),
    /// and only as many as the page shows and one more: not every grouped need of the run read and sorted, which on a
    /// district's run grows with the run (bench/README.md).
    /// </summary>
    [Fact]
    public async Task The_groups_still_to_merge_are_judged_in_group_order_from_the_index_a_page_at_a_time()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2239, [.. Enumerable.Range(0, 6).Select(i => $"第{i}条重复组查询计划测试需求")]);
        var run = new MiningRun
        {
            RegionId = liuLian, From = new DateOnly(2239, 1, 1), To = new DateOnly(2239, 12, 31), DemandCount = ids.Count, CreatedByName = "测试", CreatedAtUtc = DateTime.UtcNow,
        };
        run.TopicRegions.Add(new MiningTopicRegion { TopicNumber = 0, RegionId = liuLian });
        for (var i = 0; i < ids.Count; i++)
            run.Items.Add(new MiningItem { DemandId = ids[i], RegionId = liuLian, TopicNumber = 0, DuplicateGroup = (i / 2) + 1, Category = Categories.Culture, Confidence = 0.5, Keywords = "测试" });
        await QueryAsync(app.Factory, db =>
        {
            db.MiningRuns.Add(run);
            return db.SaveChangesAsync();
        });
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");

        var commands = (await CommandsOfAsync(staff, $"/Mining?run={run.Id}")).Where(c => OfRun(c.Parameters, run.Id)).ToList();

        if (!await QueryAsync(app.Factory, db => Task.FromResult(db.Database.IsSqlite()))) return;
        var groups = Assert.Single(commands, c => c.Text.Contains("FROM \"DuplicateDecisions\"", StringComparison.Ordinal));
        Assert.Contains("LIMIT", groups.Text, StringComparison.Ordinal);
        var plan = await QueryAsync(app.Factory, db => QueryPlans.PlanAsync(db, groups.Text, groups.Parameters));
        Assert.Contains("SEARCH m USING COVERING INDEX IX_MiningItems_RunId_DuplicateGroup_DemandId (RunId=? AND DuplicateGroup>?)", plan);
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    /// <summary>Every start asks whether a run is left without its regions (<see cref="MiningRegionBackfill"/>): through the
    /// keys of each run's topic regions and items, never by reading the items.</summary>
    [Fact]
    public async Task The_start_ups_check_for_runs_without_regions_reads_no_items()
    {
        var commands = await QueryPlans.CommandsDuringAsync(() => QueryAsync(app.Factory, db => MiningRegionBackfill.BackfillAsync(db)));

        if (!await QueryAsync(app.Factory, db => Task.FromResult(db.Database.IsSqlite()))) return;
        // (Other tests' commands run meanwhile: the check is the one reading runs and topic regions.)
        var check = commands.First(c => c.Text.Contains("FROM \"MiningRuns\"", StringComparison.Ordinal) && c.Text.Contains("\"MiningTopicRegions\"", StringComparison.Ordinal));
        var plan = await QueryAsync(app.Factory, db => QueryPlans.PlanAsync(db, check.Text, check.Parameters));
        Assert.Contains(plan, step => step.StartsWith("SEARCH m0 ", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH m1 ", StringComparison.Ordinal));
        // Only the runs themselves are read in full.
        Assert.All(plan.Where(step => step.StartsWith("SCAN ", StringComparison.Ordinal)), step => Assert.Equal("SCAN m", step));
    }

    private static bool OfRun(List<(string Name, object? Value)> parameters, int runId) =>
        parameters.Any(p => p.Name.TrimStart('@', ':').StartsWith("run", StringComparison.Ordinal) && Equals(p.Value, runId));

    private static Task<List<(string Text, List<(string Name, object? Value)> Parameters)>> CommandsOfAsync(Browser staff, string url) =>
        QueryPlans.CommandsDuringAsync(async () =>
        {
            var (status, _) = await staff.GetAsync(url);
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
        });

    // The run's items joined to a need (a correlated lookup), or to one or a list of needs.
    [GeneratedRegex("\"m\\d*\"\\.\"DemandId\" (= \"(?!m\\d*\"|d\\d*\"\\.\"Id\")|= @|IN \\(@)")]
    private static partial Regex NamesNeeds();

    [GeneratedRegex(@"^(SCAN m\d*( |$)|SEARCH m\d* .*\(RunId=\?\)$)")]
    private static partial Regex ReadsTheRun();
}
