using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>
/// A run can hold a year of a district's needs: the page reads a page of each list and counts in the database. The run
/// here is stored directly (as a mining job stores it) with more duplicate groups and out-of-scope needs than one page.
/// </summary>
[Collection(DemoCollection.Name)]
public class MiningPagingTests(DemoApp app)
{
    private const int Needs = 70;
    private const int Groups = MiningView.GroupsPerPage + 5;
    private const int OutOfScope = MiningView.NeedsPerPage + 10;

    [Fact]
    public async Task Long_lists_are_paged_keeping_the_run_and_counts_equal_the_stored_totals()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, DemandHelpers.LiuLian);
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2234,
            [.. Enumerable.Range(0, Needs).Select(i => $"第{i}条测试需求，希望社区帮忙解决")]);
        // Needs 0..49 form pairs (groups 1..25); needs 30..69 are out of scope; 0..39 are topic 0, the rest topic 1.
        var run = new MiningRun
        {
            RegionId = liuLian, From = new DateOnly(2234, 1, 1), To = new DateOnly(2234, 12, 31), DemandCount = Needs, CreatedByName = "测试", CreatedAtUtc = DateTime.UtcNow,
        };
        run.Topics.Add(Topic(0, "测试主题甲", 40, ids[0]));
        run.Topics.Add(Topic(1, "测试主题乙", Needs - 40, ids[40]));
        for (var i = 0; i < Needs; i++)
        {
            run.Items.Add(new MiningItem
            {
                DemandId = ids[i], TopicNumber = i < 40 ? 0 : 1, DuplicateGroup = i < 2 * Groups ? (i / 2) + 1 : null,
                Category = i >= Needs - OutOfScope ? Categories.OutOfScope : Categories.Culture, Confidence = 0.5 + (i / 1000.0), Keywords = "测试",
            });
        }
        await QueryAsync(app.Factory, db =>
        {
            db.MiningRuns.Add(run);
            return db.SaveChangesAsync();
        });
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");

        var (_, first) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Equal(Needs.ToString(CultureInfo.InvariantCulture), first.QuerySelector("[data-testid=run-count]")!.TextContent);
        Assert.Equal(new[] { "40", "30" }, first.QuerySelectorAll("[data-testid=topic-size]").Select(e => e.TextContent));
        Assert.Equal(Needs, SharesTotal(first));
        Assert.Equal(OutOfScope, Share(first, Categories.OutOfScope));
        Assert.Equal(MiningView.GroupsPerPage, first.QuerySelectorAll("[data-testid=duplicate-group]").Length);
        Assert.Equal(Groups.ToString(CultureInfo.InvariantCulture), first.QuerySelector("[data-testid=duplicates-found]")!.TextContent);
        Assert.Equal(MiningView.NeedsPerPage, first.QuerySelectorAll("[data-testid=to-refer]").Length);
        Assert.Equal(OutOfScope.ToString(CultureInfo.InvariantCulture), first.QuerySelector("[data-testid=to-refer-total]")!.TextContent);

        // The second page of groups keeps the run, and shows the groups the first did not.
        var (_, groups2) = await staff.GetAsync(NextPage(first, "duplicates-pager", run.Id));
        Assert.Contains($"分析编号 {run.Id}", groups2.QuerySelector("[data-testid=run-summary]")!.TextContent);
        var onFirst = GroupNumbers(first);
        var onSecond = GroupNumbers(groups2);
        Assert.Equal(Groups - MiningView.GroupsPerPage, onSecond.Count);
        Assert.Equal(Enumerable.Range(1, Groups), onFirst.Concat(onSecond));
        Assert.DoesNotContain(groups2.QuerySelector("[data-testid=duplicates-pager]")!.QuerySelectorAll("a"), a => a.TextContent == "下一页");
        Assert.Equal(MiningView.NeedsPerPage, groups2.QuerySelectorAll("[data-testid=to-refer]").Length);

        var (_, refer2) = await staff.GetAsync(NextPage(first, "to-refer-pager", run.Id));
        var referred = first.QuerySelectorAll("[data-testid=to-refer]").Concat(refer2.QuerySelectorAll("[data-testid=to-refer]"))
            .Select(e => int.Parse(e.GetAttribute("data-demand")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Skip(Needs - OutOfScope), referred);

        // Staff judgements count in the database too: a correction moves a need out of the list and its share, and a
        // group marked 不是重复 leaves the groups to merge.
        var correct = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["demand"] = ids[^1].ToString(CultureInfo.InvariantCulture), ["category"] = Categories.Culture },
            $"/Mining?handler=Correct&run={run.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, correct.StatusCode);
        var apart = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["group"] = "1" }, $"/Mining?handler=NotDuplicate&run={run.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, apart.StatusCode);
        var (_, after) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Equal(Needs, SharesTotal(after));
        Assert.Equal(OutOfScope - 1, Share(after, Categories.OutOfScope));
        Assert.Equal((OutOfScope - 1).ToString(CultureInfo.InvariantCulture), after.QuerySelector("[data-testid=to-refer-total]")!.TextContent);
        Assert.Equal(Enumerable.Range(2, MiningView.GroupsPerPage), GroupNumbers(after));

        // A need corrected into 不属于微实事 joins the list to refer, in order, and its share.
        var into = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["demand"] = ids[0].ToString(CultureInfo.InvariantCulture), ["category"] = Categories.OutOfScope },
            $"/Mining?handler=Correct&run={run.Id}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, into.StatusCode);
        var (_, movedIn) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Equal(Needs, SharesTotal(movedIn));
        Assert.Equal(OutOfScope, Share(movedIn, Categories.OutOfScope));
        Assert.Equal(OutOfScope.ToString(CultureInfo.InvariantCulture), movedIn.QuerySelector("[data-testid=to-refer-total]")!.TextContent);
        var (_, movedIn2) = await staff.GetAsync(NextPage(movedIn, "to-refer-pager", run.Id));
        var toRefer = movedIn.QuerySelectorAll("[data-testid=to-refer]").Concat(movedIn2.QuerySelectorAll("[data-testid=to-refer]"))
            .Select(e => int.Parse(e.GetAttribute("data-demand")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal([ids[0], .. ids.Skip(Needs - OutOfScope).SkipLast(1)], toRefer);
    }

    private static MiningTopic Topic(int number, string label, int size, int representative) => new()
    {
        Number = number, Label = label, Keywords = "测试", Size = size, Monthly = $"2234-01={size}", Communities = $"六联={size}",
        RepresentativeDemandIds = representative.ToString(CultureInfo.InvariantCulture),
    };

    private static string NextPage(AngleSharp.Html.Dom.IHtmlDocument page, string pager, int runId)
    {
        var href = page.QuerySelector($"[data-testid={pager}]")!.QuerySelectorAll("a").Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        Assert.Contains($"run={runId}", href);
        return "/Mining" + href.Split('#')[0];
    }

    private static List<int> GroupNumbers(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=duplicate-group] input[name=group]").Select(i => int.Parse(i.GetAttribute("value")!, CultureInfo.InvariantCulture))];

    private static IEnumerable<(string Name, int Count)> Shares(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=shares] tbody tr").Select(r => r.QuerySelectorAll("td").ToList())
            .Select(c => (c[0].TextContent, int.Parse(c[1].TextContent, CultureInfo.InvariantCulture)));

    private static int SharesTotal(AngleSharp.Html.Dom.IHtmlDocument page) => Shares(page).Sum(s => s.Count);

    private static int Share(AngleSharp.Html.Dom.IHtmlDocument page, string category) =>
        Shares(page).Single(s => s.Name == Categories.ChineseName(category)).Count;
}
