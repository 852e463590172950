using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

/// <summary>The proposal form's contractor list follows the category; a recommendation is deleted only after a question naming it.</summary>
[Collection(LiveAppCollection.Name)]
public class PolishJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task Changing_the_category_refilters_the_contractors_offered()
    {
        HashSet<string> environment;
        using (var scope = App.Factory.Services.CreateScope())
            environment = (await scope.ServiceProvider.GetRequiredService<ContractorEligibility>().PoolAsync(ProjectCategory.Environment))
                .Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();

        var staff = await App.LoginAsync("cs-ll");
        await staff.GotoAsync("/Proposals/Create");
        var options = staff.Locator("#contractor option:not([value=''])");
        var elderly = await options.CountAsync();
        Assert.True(elderly > 0);
        await staff.GetByLabel("项目类别").SelectOptionAsync(nameof(ProjectCategory.Environment));
        await Assertions.Expect(options).ToHaveCountAsync(environment.Count);
        var values = await options.EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        Assert.Equal(environment.Order(), values.Order());
    }

    [Fact]
    public async Task Deleting_a_recommendation_asks_first_naming_it()
    {
        int evaluationId;
        using (var scope = App.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var evaluation = new PerformanceEvaluation
            {
                Title = "建议删除确认旅程", TreeId = await db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme).Select(t => t.Id).FirstAsync(),
                ScopeKind = EvaluationScopeKind.District, FromYear = 2023, ToYear = 2023, CreatedAtUtc = DateTime.UtcNow,
            };
            evaluation.Recommendations.Add(new EvaluationRecommendation { Position = 1, Text = "加强资产管养，明确责任主体" });
            db.Add(evaluation);
            await db.SaveChangesAsync();
            evaluationId = evaluation.Id;
        }

        var finance = await App.LoginAsync("finance");
        await finance.GotoAsync($"/Evaluation/Detail/{evaluationId}");
        var asked = new TaskCompletionSource<string>();
        void Dismiss(object? _, IDialog dialog) { asked.TrySetResult(dialog.Message); _ = dialog.DismissAsync(); }
        finance.Dialog += Dismiss;
        await finance.GetByRole(AriaRole.Button, new() { Name = "删除此条" }).ClickAsync();
        Assert.Contains("加强资产管养，明确责任主体", await asked.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        finance.Dialog -= Dismiss;
        await Assertions.Expect(finance.GetByLabel("建议", new() { Exact = true })).ToHaveValueAsync("加强资产管养，明确责任主体");

        void Accept(object? _, IDialog dialog) => _ = dialog.AcceptAsync();
        finance.Dialog += Accept;
        await finance.GetByRole(AriaRole.Button, new() { Name = "删除此条" }).ClickAsync();
        await Assertions.Expect(finance.GetByLabel("建议", new() { Exact = true })).ToHaveCountAsync(0);
    }
}
