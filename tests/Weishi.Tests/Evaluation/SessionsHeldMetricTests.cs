using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Evaluation;

/// <summary>活动场次完成率 counts a session as held from its day on, as the project page and the deviation scan do.</summary>
[Collection(DemoCollection.Name)]
public class SessionsHeldMetricTests(DemoApp app)
{
    [Fact]
    public async Task A_session_scheduled_ahead_is_not_held_in_a_current_year_evaluation_nor_in_its_rows()
    {
        const int year = 2120;
        // "Today" is 20 December of the project's year, so an evaluation of that year is one of the current year.
        using var late = DeliveryData.LateInYear(app.Factory, year);
        var project = await DeliveryData.ProjectAsync(app.Factory, year, plannedSessions: 4,
            contractorId: await Surveys.SurveyTestData.OtherContractorAsync(app.Factory));
        await DeliveryData.SessionAsync(app.Factory, project, heldOn: new DateOnly(year, 3, 1));
        await DeliveryData.SessionAsync(app.Factory, project, heldOn: new DateOnly(year, 12, 20)); // today: held
        await DeliveryData.SessionAsync(app.Factory, project, heldOn: new DateOnly(year, 12, 28)); // scheduled ahead
        int evaluationId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var evaluation = new PerformanceEvaluation
            {
                Title = "场次完成率测试", TreeId = await db.Set<IndicatorTree>().Select(t => t.Id).FirstAsync(), ScopeKind = EvaluationScopeKind.ProjectSet,
                ProjectIds = PerformanceEvaluation.Join([project]), FromYear = year, ToYear = year, CreatedAtUtc = DateTime.UtcNow,
            };
            db.Add(evaluation);
            await db.SaveChangesAsync();
            evaluationId = evaluation.Id;

            var metric = (await scope.ServiceProvider.GetRequiredService<MetricCalculator>().ComputeAllAsync(evaluation.ToScope()))[DataMetrics.SessionsHeld];
            Assert.Equal(0.5m, metric.Value);
            Assert.Equal([("计划场次", "4"), ("已开展场次", "2")], metric.Inputs.Select(i => (i.Label, i.Value)));
        }

        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (_, page) = await finance.GetAsync($"/Evaluation/Rows?id={evaluationId}&metric={DataMetrics.SessionsHeld}");
        var row = Assert.Single(page.QuerySelectorAll("[data-testid=rows] tbody tr"));
        Assert.Equal(project.ToString(CultureInfo.InvariantCulture), row.QuerySelector("a")!.GetAttribute("href")!.Split('/').Last());
        Assert.Equal(("4", "2"), (row.Children[4].TextContent, row.Children[5].TextContent));
    }
}
