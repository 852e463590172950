using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Xunit;

namespace Weishi.Tests.Evaluation;

/// <summary>一次验收通过率 counts a project only when its first acceptance passed.</summary>
[Collection(DemoCollection.Name)]
public class AcceptanceMetricTests(DemoApp app)
{
    [Fact]
    public async Task A_project_that_failed_its_first_acceptance_is_not_a_first_time_pass()
    {
        const int year = 2087;
        var passed = await TestData.CreateProjectAsync(app.Factory, "440310001001", year, 50_000_00, ProjectStatus.Accepted);
        var failedThenPassed = await TestData.CreateProjectAsync(app.Factory, "440310001001", year, 50_000_00, ProjectStatus.Accepted);
        var rectified = await TestData.CreateProjectAsync(app.Factory, "440310001001", year, 50_000_00, ProjectStatus.Accepted);
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        AcceptanceRecord Record(int project, int month, AcceptanceResult result) =>
            new() { ProjectId = project, AcceptedOn = new DateOnly(year, month, 1), Committee = "验收小组", Checklist = "内容一致", Result = result };
        db.AcceptanceRecords.AddRange(
            Record(passed, 5, AcceptanceResult.Passed),
            Record(failedThenPassed, 6, AcceptanceResult.Passed), // saved first, but dated after the failed one
            Record(failedThenPassed, 4, AcceptanceResult.Failed),
            Record(rectified, 5, AcceptanceResult.PassedAfterRectification));
        await db.SaveChangesAsync();

        var metrics = await scope.ServiceProvider.GetRequiredService<MetricCalculator>()
            .ComputeAllAsync(new EvaluationScope(year, year, [], [passed, failedThenPassed, rectified]));

        var firstTime = metrics[DataMetrics.AcceptedFirstTime];
        Assert.Equal(0.3333m, firstTime.Value);
        Assert.Contains(firstTime.Inputs, i => i.Label == "一次通过" && i.Value == "1");
    }

    [Fact]
    public async Task On_the_same_date_the_first_recorded_acceptance_decides_in_the_metric_and_its_rows()
    {
        const int year = 2088;
        var failedFirst = await TestData.CreateProjectAsync(app.Factory, "440310001001", year, 50_000_00, ProjectStatus.Accepted);
        var passedFirst = await TestData.CreateProjectAsync(app.Factory, "440310001001", year, 50_000_00, ProjectStatus.Accepted);
        var neverAccepted = await TestData.CreateProjectAsync(app.Factory, "440310001001", year, 50_000_00, ProjectStatus.Completed);
        int evaluationId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            AcceptanceRecord Record(int project, AcceptanceResult result) =>
                new() { ProjectId = project, AcceptedOn = new DateOnly(year, 5, 1), Committee = "验收小组", Checklist = "内容一致", Result = result };
            // Saved one by one so the ids follow the order written here.
            foreach (var r in new[] { Record(failedFirst, AcceptanceResult.Failed), Record(passedFirst, AcceptanceResult.Passed),
                         Record(failedFirst, AcceptanceResult.Passed), Record(passedFirst, AcceptanceResult.Failed) })
            {
                db.AcceptanceRecords.Add(r);
                await db.SaveChangesAsync();
            }
            var evaluation = new PerformanceEvaluation
            {
                Title = "验收明细测试", TreeId = await db.Set<IndicatorTree>().Select(t => t.Id).FirstAsync(), ScopeKind = EvaluationScopeKind.ProjectSet,
                ProjectIds = PerformanceEvaluation.Join([failedFirst, passedFirst, neverAccepted]), FromYear = year, ToYear = year,
                CreatedAtUtc = DateTime.UtcNow,
            };
            db.Add(evaluation);
            await db.SaveChangesAsync();
            evaluationId = evaluation.Id;

            var metric = (await scope.ServiceProvider.GetRequiredService<MetricCalculator>().ComputeAllAsync(evaluation.ToScope()))[DataMetrics.AcceptedFirstTime];
            Assert.Equal(0.5m, metric.Value);
            Assert.Equal(["2", "1"], metric.Inputs.Select(i => i.Value));
        }

        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (_, page) = await finance.GetAsync($"/Evaluation/Rows?id={evaluationId}&metric={DataMetrics.AcceptedFirstTime}");
        var lines = page.QuerySelectorAll("[data-testid=rows] tbody tr").ToDictionary(
            tr => int.Parse(tr.QuerySelector("a")!.GetAttribute("href")!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture),
            tr => (Count: tr.Children[4].TextContent, FirstTime: tr.Children[5].TextContent, Counts: !tr.ClassList.Contains("table-warning")));
        Assert.Equal([failedFirst, passedFirst], lines.Keys.Order());
        Assert.Equal(("2", "否", false), lines[failedFirst]);
        Assert.Equal(("2", "是", true), lines[passedFirst]);
    }
}
