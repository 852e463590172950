using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>Staff judgements of suggested duplicates (合并, 都不是重复) are stored as pair decisions for the duplicate model.</summary>
[Collection(DemoCollection.Name)]
public class DuplicateDecisionTests(DemoApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<List<DuplicateDecision>> DecisionsAsync(WeishiAppFactory factory, IReadOnlyList<int> ids) =>
        QueryAsync(factory, db => db.DuplicateDecisions.IgnoreQueryFilters().AsNoTracking()
            .Where(d => ids.Contains(d.DemandId)).OrderBy(d => d.DemandId).ThenBy(d => d.OtherDemandId).ToListAsync());

    private static int GroupOfAll(MiningRun run, IReadOnlyList<int> ids)
    {
        var group = run.Items.Single(i => i.DemandId == ids[0]).DuplicateGroup;
        Assert.NotNull(group);
        Assert.Equal(ids.Order(), run.Items.Where(i => i.DuplicateGroup == group).Select(i => i.DemandId).Order());
        return group.Value;
    }

    [Fact]
    public async Task Merging_from_a_group_records_the_merged_needs_as_one_and_the_unticked_need_as_another()
    {
        const int year = 2191;
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            "坪山体育中心北门的人行道地砖松动，老人走路容易绊倒，希望尽快修补",
            "坪山体育中心北门人行道的地砖松动了，老人走路容易绊倒，希望尽快修补",
            "坪山体育中心北门人行道地砖松动，老人走路容易被绊倒，请尽快修补地砖");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var group = GroupOfAll(run, ids);
        var (_, before) = await staff.GetAsync($"/Mining?run={run.Id}");
        var card = before.QuerySelectorAll("[data-testid=duplicate-group]").Single(g => g.QuerySelector($"[data-demand='{ids[0]}']") is not null);
        Assert.Equal(Id(group), card.QuerySelector("input[name=group]")!.GetAttribute("value"));

        // The third need is left unticked: staff judge it another need.
        var response = await staff.SubmitAsync($"/Mining?run={run.Id}", new()
        {
            ["survivor"] = Id(ids[0]), ["merge[0]"] = Id(ids[0]), ["merge[1]"] = Id(ids[1]), ["group"] = Id(group),
        }, $"/Mining?handler=Merge&run={run.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var decisions = await DecisionsAsync(app.Factory, ids);
        Assert.Equal(
            [(ids[0], ids[1], true), (ids[0], ids[2], false), (ids[1], ids[2], false)],
            decisions.Select(d => (d.DemandId, d.OtherDemandId, d.IsDuplicate)));
        Assert.All(decisions, d => Assert.Equal(run.Id, d.RunId));
        Assert.All(decisions, d => Assert.False(string.IsNullOrEmpty(d.DecidedByName)));
        Assert.Equal(ids[0], (await DemandAsync(app.Factory, ids[1])).MergedIntoDemandId);
        Assert.Equal(DemandStatus.Pending, (await DemandAsync(app.Factory, ids[2])).Status);
        // The survivor and the unticked need are open but judged apart: the group is no longer offered.
        var (_, after) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.DoesNotContain(after.QuerySelectorAll("[data-testid=duplicate-group]"), g => g.QuerySelector($"[data-demand='{ids[0]}']") is not null);
    }

    [Fact]
    public async Task Not_duplicate_records_every_pair_hides_the_group_and_changes_no_need()
    {
        const int year = 2192;
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            "六联社区文化广场的健身器材坏了好几件，希望尽快维修更换",
            "六联社区文化广场健身器材坏了好几件，希望尽快维修更换！");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var group = GroupOfAll(run, ids);

        // Another community's staff cannot see the run: refused, nothing stored.
        var other = await Browser.LoginAsync(app.Factory, "cs-lh");
        var foreign = await other.SubmitAsync("/Mining", new() { ["group"] = Id(group) }, $"/Mining?handler=NotDuplicate&run={run.Id}");
        Assert.NotEqual(HttpStatusCode.Redirect, foreign.StatusCode);
        // A group number the run does not have: a Chinese message, nothing stored.
        var missing = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["group"] = "9999" }, $"/Mining?handler=NotDuplicate&run={run.Id}");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("两条以上", (await staff.ReadAsync(missing)).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Empty(await DecisionsAsync(app.Factory, ids));

        var response = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["group"] = Id(group) }, $"/Mining?handler=NotDuplicate&run={run.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var decision = Assert.Single(await DecisionsAsync(app.Factory, ids));
        Assert.Equal((ids[0], ids[1], false), (decision.DemandId, decision.OtherDemandId, decision.IsDuplicate));
        foreach (var id in ids) Assert.Equal(DemandStatus.Pending, (await DemandAsync(app.Factory, id)).Status);
        var (_, page) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Contains("不是重复", page.QuerySelector("[data-testid=message]")!.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=duplicate-group]"), g => g.QuerySelector($"[data-demand='{ids[0]}']") is not null);

        // Merging them after all is the latest decision: the pair then counts as one need.
        await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["survivor"] = Id(ids[0]), ["merge[0]"] = Id(ids[1]), ["group"] = Id(group) },
            $"/Mining?handler=Merge&run={run.Id}");
        Assert.Equal([false, true], (await DecisionsAsync(app.Factory, ids)).OrderBy(d => d.Id).Select(d => d.IsDuplicate));
    }

    [Fact]
    public async Task Merging_needs_that_are_not_all_in_the_posted_group_is_refused_and_changes_nothing()
    {
        const int year = 2193;
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year,
            "六联小学门口早上接送孩子的车辆乱停，堵塞交通，希望安排交警疏导",
            "六联小学门口早上接送孩子的车乱停，堵塞交通，希望安排交警来疏导",
            "希望社区开办周末书法兴趣班");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var group = run.Items.Single(i => i.DemandId == ids[0]).DuplicateGroup!.Value;

        var response = await staff.SubmitAsync($"/Mining?run={run.Id}", new()
        {
            ["survivor"] = Id(ids[0]), ["merge[0]"] = Id(ids[2]), ["group"] = Id(group),
        }, $"/Mining?handler=Merge&run={run.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不都在这一组", (await staff.ReadAsync(response)).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Equal(DemandStatus.Pending, (await DemandAsync(app.Factory, ids[2])).Status);
        Assert.Empty(await DecisionsAsync(app.Factory, ids));
    }
}
