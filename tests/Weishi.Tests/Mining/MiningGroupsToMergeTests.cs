using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>
/// The groups still to merge are judged a page at a time in group order (their count would judge the whole run): a
/// group shows while two of its open needs have not been judged 不是重复 by the latest decision on their pair.
/// </summary>
[Collection(DemoCollection.Name)]
public class MiningGroupsToMergeTests(DemoApp app)
{
    private const int Groups = 26;

    [Fact]
    public async Task The_groups_still_to_merge_show_in_order_a_page_at_a_time_and_merged_or_apart_ones_leave()
    {
        // Two needs per group, three in groups 4 (marked 不是重复 on the page), 5 (its first need declined) and 6 (one
        // pair judged 不是重复, the others not).
        var sizes = Enumerable.Range(1, Groups).Select(g => g is 4 or 5 or 6 ? 3 : 2).ToList();
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2238,
            [.. sizes.SelectMany((size, g) => Enumerable.Range(0, size).Select(i => $"第{g + 1}组第{i}条待合并测试需求"))]);
        var members = new Dictionary<int, List<int>>();
        var next = 0;
        for (var g = 1; g <= Groups; g++)
        {
            members[g] = ids.GetRange(next, sizes[g - 1]);
            next += sizes[g - 1];
        }
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        var run = new MiningRun
        {
            RegionId = liuLian, From = new DateOnly(2238, 1, 1), To = new DateOnly(2238, 12, 31), DemandCount = ids.Count, CreatedByName = "测试", CreatedAtUtc = DateTime.UtcNow,
        };
        run.Topics.Add(new MiningTopic
        {
            Number = 0, Label = "待合并", Keywords = "测试", Size = ids.Count, Monthly = $"2238-01={ids.Count}", Communities = $"六联={ids.Count}",
            RepresentativeDemandIds = ids[0].ToString(CultureInfo.InvariantCulture),
        });
        run.TopicRegions.Add(new MiningTopicRegion { TopicNumber = 0, RegionId = liuLian });
        foreach (var (g, needs) in members)
        {
            foreach (var id in needs)
                run.Items.Add(new MiningItem { DemandId = id, RegionId = liuLian, TopicNumber = 0, DuplicateGroup = g, Category = Categories.Culture, Confidence = 0.5, Keywords = "测试" });
        }
        await QueryAsync(app.Factory, async db =>
        {
            db.MiningRuns.Add(run);
            // Group 2: one need declined, one open need left. Group 5: its first need declined, two open ones left.
            int[] declined = [members[2][0], members[5][0]];
            await db.Demands.IgnoreQueryFilters().Where(d => declined.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DemandStatus.Declined));
            var needs = await db.Demands.IgnoreQueryFilters().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id);
            DuplicateDecision Decide(int group, int a, int b, bool duplicate) =>
                DuplicateDecision.Between(needs[members[group][a]], needs[members[group][b]], duplicate, null, null, "测试", DateTime.UtcNow);
            // Group 6: its first two needs are not one need, the third may be either's. Group 7: judged apart, then one
            // need (the latest decision counts). Group 8: judged one need, then apart.
            db.DuplicateDecisions.AddRange(Decide(6, 0, 1, false), Decide(7, 0, 1, false), Decide(8, 0, 1, true));
            await db.SaveChangesAsync();
            db.DuplicateDecisions.AddRange(Decide(7, 1, 0, true), Decide(8, 1, 0, false));
            return await db.SaveChangesAsync();
        });
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        // Group 3 merged and group 4 marked 不是重复 on the page.
        var merged = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["survivor"] = Id(members[3][0]), ["merge[0]"] = Id(members[3][1]), ["group"] = "3" },
            $"/Mining?handler=Merge&run={run.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, merged.StatusCode);
        var apart = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["group"] = "4" }, $"/Mining?handler=NotDuplicate&run={run.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, apart.StatusCode);

        var (_, first) = await staff.GetAsync($"/Mining?run={run.Id}");

        int[] stillToMerge = [1, 5, 6, 7, .. Enumerable.Range(9, Groups - 8)];
        Assert.Equal(Groups.ToString(CultureInfo.InvariantCulture), first.QuerySelector("[data-testid=duplicates-found]")!.TextContent);
        Assert.Equal(stillToMerge.Take(MiningView.GroupsPerPage), GroupNumbers(first));
        // Every member of a shown group is listed, the declined one too.
        Assert.Equal(members[5], first.QuerySelectorAll("[data-testid=duplicate-group]")[1].QuerySelectorAll("[data-testid=duplicate-member]")
            .Select(m => int.Parse(m.GetAttribute("data-demand")!, CultureInfo.InvariantCulture)));
        Assert.Contains("第 1 页", first.QuerySelector("[data-testid=duplicates-pager]")!.TextContent);

        var (_, second) = await staff.GetAsync(PageLink(first, "下一页"));
        Assert.Equal(stillToMerge.Skip(MiningView.GroupsPerPage), GroupNumbers(second));
        Assert.DoesNotContain(second.QuerySelectorAll("[data-testid=duplicates-pager] a"), a => a.TextContent == "下一页");
        Assert.Equal(GroupNumbers(first), GroupNumbers((await staff.GetAsync(PageLink(second, "上一页"))).Document));

        // A page past the groups (an old link) shows the last one.
        var (_, past) = await staff.GetAsync($"/Mining?run={run.Id}&groupsPage=99");
        Assert.Equal(stillToMerge.Skip(MiningView.GroupsPerPage), GroupNumbers(past));
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static string PageLink(AngleSharp.Html.Dom.IHtmlDocument page, string text) =>
        "/Mining" + page.QuerySelector("[data-testid=duplicates-pager]")!.QuerySelectorAll("a").Single(a => a.TextContent == text).GetAttribute("href")!.Split('#')[0];

    private static List<int> GroupNumbers(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=duplicate-group] input[name=group]").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture))];
}
