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
}
