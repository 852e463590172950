using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Dedup;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>
/// 归入概念 on 分词词库: an administrator says a district word means one of the duplicate detector's concepts, and later
/// mining runs compare needs using it with needs using the table's words. The test removes what it added.
/// </summary>
[Collection(DemoCollection.Name)]
public class ConceptFormTests(DemoApp app)
{
    // A local programme name the shipped concept table does not know: it means 长者饭堂.
    private const string Word = "乐龄厨房";
    private const string Concept = "长者饭堂";

    [Fact]
    public async Task An_administrator_maps_a_district_word_to_a_concept_and_later_runs_treat_two_needs_as_one()
    {
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2205, "老人家想要个乐龄厨房", "老人家想要个长者饭堂");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var district = await Browser.LoginAsync(app.Factory, "district");
        try
        {
            // Before: two needs, no group.
            var before = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2205);
            Assert.False(OneGroup(before, ids));

            // The concepts can be found by any of their words, with their names and forms.
            var (_, found) = await district.GetAsync("/Mining/Terms?find=" + Uri.EscapeDataString("助餐点"));
            var line = found.QuerySelector($"[data-testid=concept][data-name='{Concept}']")!;
            Assert.Contains("老人食堂", line.TextContent);
            Assert.Single(found.QuerySelectorAll("[data-testid=concept]"));
            Assert.NotNull(found.QuerySelector($"datalist option[value='{Concept}']"));
            Assert.Contains("只能归入已有的概念", found.QuerySelector("[data-testid=concept-help]")!.TextContent);

            // Refused input: a message, the form kept, nothing stored.
            await RefusedAsync(district, Word, "没有的概念", "没有名为“没有的概念”的概念");
            await RefusedAsync(district, Word, "老人食堂", "“老人食堂”是概念“长者饭堂”的一种说法，请填写概念名“长者饭堂”");
            await RefusedAsync(district, "老人食堂", Concept, "第 1 行：“老人食堂”已是概念“长者饭堂”的词语");
            await RefusedAsync(district, "乐龄乐龄厨房厨房乐", Concept, "第 1 行：“乐龄乐龄厨房厨房乐”的长度应为 2–8 个字");
            await RefusedAsync(district, "希望", Concept, "第 1 行：“希望”是需求里常见的套话，不能归入概念");
            await RefusedAsync(district, $"{Word}\n{Word}", Concept, "第 2 行：“乐龄厨房”重复填写");
            await RefusedAsync(district, "", Concept, "请至少填写一个词");
            await RefusedAsync(district, Word, Concept, "地名不能归入概念", tag: "ns");

            // Community staff may not post to the page (the token of a page they may open is no way in).
            var post = await staff.SubmitAsync("/Mining", new() { ["Words"] = Word, ["Tag"] = "n", ["Concept"] = Concept }, "/Mining/Terms");
            Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
            Assert.False(await QueryAsync(app.Factory, db => db.SegmentationTerms.AnyAsync(t => t.Word == Word)));

            // The word as a plain segmentation word first: kept whole, but no concept (the store builds and keeps that analyzer).
            Assert.Equal(HttpStatusCode.Redirect, (await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = Word, ["Tag"] = "n" })).StatusCode);
            var plain = await QueryAsync(app.Factory, db => app.Factory.Services.GetRequiredService<MiningModelStore>().AnalyzerAsync(db, CancellationToken.None));
            Assert.Contains(Word, plain.Terms("老人家想要个" + Word));
            Assert.DoesNotContain(NeedSignature.Explain("老人家想要个" + Word, plain), w => w.Word == $"<{Concept}>");
            await QueryAsync(app.Factory, db => db.SegmentationTerms.Where(t => t.Word == Word).ExecuteDeleteAsync());

            // Mapped: stored with who and when, audited, listed with its concept and in the concept's line.
            var added = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = Word, ["Tag"] = "n", ["Concept"] = $" {Concept} " }, formSelector: "[data-testid=add-terms]");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
            var term = await QueryAsync(app.Factory, db => db.SegmentationTerms.AsNoTracking().SingleAsync(t => t.Word == Word));
            Assert.Equal((Concept, "district"), (term.Concept, term.CreatedByName));
            Assert.True(await QueryAsync(app.Factory, db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(SegmentationTerm) && a.Action == "Added" && a.EntityId == term.Id.ToString(CultureInfo.InvariantCulture))));
            var (_, list) = await district.GetAsync("/Mining/Terms?find=" + Uri.EscapeDataString(Word));
            Assert.Equal(Concept, list.QuerySelector($"[data-testid=term][data-word='{Word}'] [data-testid=term-concept]")!.TextContent.Trim());
            Assert.Contains(Word, list.QuerySelector($"[data-testid=concept][data-name='{Concept}']")!.TextContent);
            var again = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = Word, ["Tag"] = "n", ["Concept"] = "送餐" });
            Assert.Contains("“乐龄厨房”已在本区词库中，归入概念“长者饭堂”", (await district.ReadAsync(again)).QuerySelector("[data-testid=form-error]")!.TextContent);

            // After: a later run sees the two as one need (the store's analyzer was rebuilt: same word and tag, now a concept).
            var after = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2205);
            Assert.True(OneGroup(after, ids));

            // Removed: later runs compare with the shipped table again.
            var delete = await district.SubmitAsync("/Mining/Terms", new() { ["id"] = term.Id.ToString(CultureInfo.InvariantCulture) }, "/Mining/Terms?handler=Delete",
                $"[data-testid=term][data-word='{Word}'] form");
            Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode);
            var last = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, 2205);
            Assert.False(OneGroup(last, ids));
        }
        finally
        {
            await QueryAsync(app.Factory, db => db.SegmentationTerms.Where(t => t.Word == Word).ExecuteDeleteAsync());
        }
    }

    private async Task RefusedAsync(Browser district, string words, string concept, string message, string tag = "n")
    {
        var response = await district.SubmitAsync("/Mining/Terms", new() { ["Words"] = words, ["Tag"] = tag, ["Concept"] = concept });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await district.ReadAsync(response);
        var error = page.QuerySelector("[data-testid=form-error]")!.TextContent;
        Assert.Contains("没有添加任何词", error);
        Assert.Contains(message, error);
        Assert.Equal(concept, page.QuerySelector("input[name=Concept]")!.GetAttribute("value"));
        Assert.False(await QueryAsync(app.Factory, db => db.SegmentationTerms.AnyAsync(t => t.Word == Word || t.Concept != null)));
    }

    private static bool OneGroup(MiningRun run, List<int> ids) =>
        run.Items.Single(i => i.DemandId == ids[0]).DuplicateGroup is { } g && run.Items.Single(i => i.DemandId == ids[1]).DuplicateGroup == g;
}
