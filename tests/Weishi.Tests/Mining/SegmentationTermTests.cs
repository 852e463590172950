using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

[Collection(DemoCollection.Name)]
public class SegmentationTermTests(DemoApp app)
{
    // A sport the shipped dictionary does not know: it cuts the name into pieces.
    private const string Term = "腰旗橄榄球";

    private static readonly string[] Needs =
    [
        "希望社区组织腰旗橄榄球比赛，孩子们很喜欢腰旗橄榄球", "腰旗橄榄球场地希望社区协调，周末想打腰旗橄榄球",
        "社区能否成立腰旗橄榄球队，腰旗橄榄球适合青少年", "想在社区学腰旗橄榄球",
    ];

    [Fact]
    public async Task District_terms_keep_a_local_word_whole_in_later_mining_runs_and_bad_words_add_nothing()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, empty) = await district.GetAsync("/Mining/Terms?sample=" + Uri.EscapeDataString(Needs[0]));
        Assert.DoesNotContain(Term, empty.QuerySelector("[data-testid=trial-shipped]")!.TextContent.Split(" / "));

        // Before: the word is cut, so no keyword is the whole word.
        await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2201, Needs);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var before = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2201);
        Assert.DoesNotContain(before.Items, i => i.Keywords.Split('、').Contains(Term));

        // Bad input: the whole submission is refused with a message per line, and nothing is stored.
        var bad = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = $"{Term}\n橄榄\n健身 操\nABC球\n{Term}\n残疾人\n球\n{new string('球', 17)}", ["Tag"] = "n" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var page = await district.ReadAsync(bad);
        var error = page.QuerySelector("[data-testid=form-error]")!.TextContent;
        Assert.Contains("没有添加任何词", error);
        Assert.Contains("第 3 行", error);
        Assert.Contains("第 4 行", error);
        Assert.Contains("只能由汉字组成", error);
        Assert.Contains("第 5 行：“腰旗橄榄球”重复填写", error);
        Assert.Contains("第 7 行：“球”的长度应为 2–16 个字", error);
        Assert.Contains("第 8 行", error);
        Assert.DoesNotContain("第 6 行", error);
        Assert.Contains(Term, page.QuerySelector("textarea[name=Words]")!.TextContent);
        var unknownTag = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = Term, ["Tag"] = "xx" });
        Assert.Contains("请选择词性", (await district.ReadAsync(unknownTag)).QuerySelector("[data-testid=form-error]")!.TextContent);
        var tooMany = string.Join('\n', Enumerable.Range(0, TermsModel.MaxBatch + 1).Select(i => "测" + (char)('一' + i)));
        var batch = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = tooMany, ["Tag"] = "n" });
        Assert.Contains($"一次最多添加 {TermsModel.MaxBatch} 个词", (await district.ReadAsync(batch)).QuerySelector("[data-testid=form-error]")!.TextContent);
        var shipped = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = "民生微实事", ["Tag"] = "n" });
        Assert.Contains("已是系统内置词", (await district.ReadAsync(shipped)).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.False(await QueryAsync(app.Factory, db => db.SegmentationTerms.AnyAsync()));

        // Community staff may not edit the district's dictionary.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Mining/Terms")).Status);

        var added = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = $" {Term} \n", ["Tag"] = "nz" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var term = await QueryAsync(app.Factory, db => db.SegmentationTerms.AsNoTracking().SingleAsync());
        Assert.Equal((Term, "nz"), (term.Word, term.Tag));
        Assert.True(await QueryAsync(app.Factory, db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(SegmentationTerm) && a.Action == "Added")));
        var (_, list) = await district.GetAsync("/Mining/Terms?sample=" + Uri.EscapeDataString(Needs[0]));
        Assert.NotNull(list.QuerySelector($"[data-testid=term][data-word='{Term}']"));
        // Deleting asks first, naming the word.
        Assert.Contains($"确定删除“{Term}”", list.QuerySelector($"[data-testid=term][data-word='{Term}'] form")!.GetAttribute("data-confirm"));
        Assert.Contains(Term, list.QuerySelector("[data-testid=trial-local]")!.TextContent.Split(" / "));
        Assert.DoesNotContain(Term, list.QuerySelector("[data-testid=trial-shipped]")!.TextContent.Split(" / "));
        var again = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = Term, ["Tag"] = "n" });
        Assert.Contains("已在本区词库中", (await district.ReadAsync(again)).QuerySelector("[data-testid=form-error]")!.TextContent);

        // After: a later run keeps the word whole; the run before is unchanged.
        var after = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2201);
        Assert.Contains(after.Items, i => i.Keywords.Split('、').Contains(Term));

        // Deleting the term (audited) brings back the shipped dictionary.
        var delete = await district.SubmitAsync("/Mining/Terms", new() { ["id"] = term.Id.ToString(CultureInfo.InvariantCulture) }, "/Mining/Terms?handler=Delete",
            $"[data-testid=term][data-word='{Term}'] form");
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
        var unknown = await district.SubmitAsync("/Mining/Terms", new() { ["id"] = "999999" }, "/Mining/Terms?handler=Delete");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(await QueryAsync(app.Factory, db => db.SegmentationTerms.AnyAsync()));
        Assert.True(await QueryAsync(app.Factory, db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(SegmentationTerm) && a.Action == "Deleted")));
        var last = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2201);
        Assert.DoesNotContain(last.Items, i => i.Keywords.Split('、').Contains(Term));
    }

    [Fact]
    public async Task A_place_the_district_adds_keeps_needs_about_two_places_out_of_one_duplicate_group()
    {
        // 聚龙山 has no place word (小区, 村, 路 …): with the shipped dictionary it is no place, and the two are one need.
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2202, "聚龙山那边的路灯坏了好久，晚上走路很黑", "金龟村那边的路灯坏了好久，晚上走路很黑");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var before = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2202);
        Assert.NotNull(GroupOf(before, ids[0]));
        Assert.Equal(GroupOf(before, ids[0]), GroupOf(before, ids[1]));

        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Mining/Terms");
        Assert.Contains("两个不同地点的需求", page.QuerySelector("p.text-muted")!.TextContent);
        try
        {
            Assert.Equal(HttpStatusCode.Redirect, (await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = "聚龙山", ["Tag"] = "ns" })).StatusCode);
            var after = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2202);
            Assert.True(GroupOf(after, ids[0]) is null || GroupOf(after, ids[0]) != GroupOf(after, ids[1]));
        }
        finally
        {
            await QueryAsync(app.Factory, db => db.SegmentationTerms.Where(t => t.Word == "聚龙山").ExecuteDeleteAsync());
        }
    }

    private static int? GroupOf(MiningRun run, int demandId) => run.Items.Single(i => i.DemandId == demandId).DuplicateGroup;
}
