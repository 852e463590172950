using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Evaluation;

namespace Weishi.Tests.Evaluation;

/// <summary>有关建议 are removed only on purpose: an emptied box keeps its text, 删除此条 asks first, naming the text.</summary>
[Collection(DemoCollection.Name)]
public class EvaluationRecommendationTests(DemoApp app)
{
    private async Task<(int Evaluation, int First, int Second)> EvaluationWithTwoRecommendationsAsync(Browser finance)
    {
        var tree = await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme).OrderBy(t => t.Version).Select(t => t.Id).FirstAsync());
        var response = await finance.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = "建议删除确认测试 " + Guid.NewGuid().ToString("N")[..6], ["Input.TreeId"] = $"{tree}",
            ["Input.FromYear"] = "2023", ["Input.ToYear"] = "2023", ["Input.ScopeKind"] = "District",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        return await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var existing = await db.Set<EvaluationRecommendation>().Where(r => r.EvaluationId == id).ToListAsync();
            db.RemoveRange(existing);
            var first = new EvaluationRecommendation { EvaluationId = id, Position = 1, Text = "建议一：建立需求台账，定期回访。" };
            var second = new EvaluationRecommendation { EvaluationId = id, Position = 2, Text = "建议二：加强资产管养，明确责任主体。" };
            db.AddRange(first, second);
            await db.SaveChangesAsync();
            return (id, first.Id, second.Id);
        });
    }

    private Task<List<string>> TextsAsync(int evaluation) => Fixtures.QueryAsync(app.Factory, db =>
        db.Set<EvaluationRecommendation>().Where(r => r.EvaluationId == evaluation).OrderBy(r => r.Position).Select(r => r.Text).ToListAsync());

    [Fact]
    public async Task Emptying_a_recommendation_box_keeps_the_text_and_says_how_to_delete_it()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (id, first, _) = await EvaluationWithTwoRecommendationsAsync(finance);

        var response = await finance.SubmitAsync($"/Evaluation/Detail/{id}", new()
        {
            ["ids"] = $"{first}", ["texts"] = "",
        }, $"/Evaluation/Detail/{id}?handler=Recommendations");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("第 1 条建议内容为空，未保存", (await finance.ReadAsync(response)).QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal(["建议一：建立需求台账，定期回访。", "建议二：加强资产管养，明确责任主体。"], await TextsAsync(id));
    }

    [Fact]
    public async Task A_recommendation_is_deleted_by_its_own_button_which_names_it_in_the_confirmation()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (id, first, second) = await EvaluationWithTwoRecommendationsAsync(finance);
        var (_, page) = await finance.GetAsync($"/Evaluation/Detail/{id}");
        var button = page.QuerySelectorAll("[data-testid=remove-recommendation]").Single(b => b.GetAttribute("value") == $"{second}");
        Assert.Contains("确定删除建议“建议二：加强资产管养，明确责任主体。”吗", button.GetAttribute("data-confirm"));
        Assert.Contains("confirm(", button.GetAttribute("onclick"));

        // What the form posts when 删除此条 of the second is pressed (the first box edited on the way).
        var response = await finance.SubmitAsync($"/Evaluation/Detail/{id}", new()
        {
            ["ids[0]"] = $"{first}", ["texts[0]"] = "建议一（修改）", ["ids[1]"] = $"{second}", ["texts[1]"] = "建议二：加强资产管养，明确责任主体。",
            ["texts[2]"] = "", ["remove"] = $"{second}",
        }, $"/Evaluation/Detail/{id}?handler=Recommendations");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(["建议一（修改）"], await TextsAsync(id));
    }
}
