using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Contractors.SpotChecks;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Contractors;

[Collection(ContractorCollection.Name)]
public class AssessmentTests(DemoApp app)
{
    private const string LiuLian = "440310001001";

    /// <summary>A contractor with one accepted project in 2091: budget 1000 元, paid 800 元, finished 10 days late, spot-checked at 60.</summary>
    private async Task<(int ContractorId, int ProjectId)> HandComputedCaseAsync()
    {
        var contractor = await ContractorTestData.CreateAsync(app.Factory);
        var projectId = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2091, 1000_00, ProjectStatus.Accepted);
        var ongoing = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2091, 500_00, ProjectStatus.InProgress);
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var projects = await db.Projects.Where(p => p.Id == projectId || p.Id == ongoing).ToListAsync();
            foreach (var p in projects) p.ContractorId = contractor.Id;
            projects.Single(p => p.Id == projectId).StatusChangedAtUtc = new DateTime(2092, 1, 10, 3, 0, 0, DateTimeKind.Utc);
            db.Disbursements.Add(new Disbursement { ProjectId = projectId, PaidOn = new DateOnly(2091, 12, 1), AmountFen = 800_00, Stage = "全额拨付" });
            db.SpotCheckDraws.Add(new SpotCheckDraw
            {
                Period = "测试期次", Year = 2091, Seed = 1, PerStratum = 1, CandidateIds = projectId.ToString(),
                Items = [new SpotCheckItem { ProjectId = projectId, Stratum = "坪山街道·服务类", Inspector = "检查员", Score = 60 }],
            });
            return await db.SaveChangesAsync();
        });
        return (contractor.Id, projectId);
    }

    [Fact]
    public async Task The_score_of_a_hand_computed_case()
    {
        var (contractorId, projectId) = await HandComputedCaseAsync();
        using var scope = app.Factory.Services.CreateScope();
        var assessment = scope.ServiceProvider.GetRequiredService<ContractorAssessment>();
        var weights = await assessment.WeightsAsync();
        Assert.Equal(new Dictionary<string, int> { ["acceptance"] = 30, ["budget"] = 20, ["ontime"] = 30, ["spotcheck"] = 20, ["reach"] = 20, ["inspection"] = 20, ["survey"] = 20, ["complaints"] = 10 }, weights);

        var scores = await assessment.ProjectScoresAsync(contractorId);
        // The ongoing project has nothing to be scored on yet and is left out.
        var score = Assert.Single(scores);
        Assert.Equal(projectId, score.Project.ProjectId);
        Assert.Equal(100, score.Inputs["acceptance"]);
        Assert.Equal(80, score.Inputs["budget"], 6);
        Assert.Equal(90, score.Inputs["ontime"]);
        Assert.Equal(60, score.Inputs["spotcheck"]);
        // (100×30 + 80×20 + 90×30 + 60×20) / 100 = 85
        Assert.Equal(85.0, score.Total);

        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync($"/Contractors/Detail/{contractorId}");
        var row = page.QuerySelector("[data-testid=year-scores] tbody tr")!.TextContent;
        Assert.Contains("2091", row);
        Assert.Contains("85.00", row);
        Assert.Contains("良", row);
    }

    [Fact]
    public async Task Sessions_scheduled_ahead_do_not_count_as_held_in_the_contractor_score()
    {
        var contractor = await ContractorTestData.CreateAsync(app.Factory);
        var projectId = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2093, 1000_00, ProjectStatus.Accepted);
        var today = Weishi.Web.Infrastructure.Web.ChinaDate.Today(app.Factory.Clock);
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            project.ContractorId = contractor.Id;
            project.PlannedSessions = 4;
            project.PlannedBeneficiaries = 10;
            foreach (var day in new[] { today.AddDays(-7), today, today.AddDays(7), today.AddDays(14) })
                db.ActivitySessions.Add(new Weishi.Web.Features.Delivery.ActivitySession
                {
                    ProjectId = projectId, HeldOn = day, Place = "六联社区党群服务中心", Content = "测试场次", Staff = "社工",
                    StartsAtUtc = Weishi.Web.Infrastructure.Web.ChinaDate.StartUtc(day).AddHours(9),
                    EndsAtUtc = Weishi.Web.Infrastructure.Web.ChinaDate.StartUtc(day).AddHours(11),
                    SignInToken = Guid.NewGuid().ToString("N"),
                });
            return await db.SaveChangesAsync();
        });
        using var scope = app.Factory.Services.CreateScope();
        var scores = await scope.ServiceProvider.GetRequiredService<ContractorAssessment>().ProjectScoresAsync(contractor.Id);
        // 2 of 4 sessions held by today and nobody signed in: (2/4 + 0) / 2 × 100.
        Assert.Equal(DeliveryPlanInput.Score(2, 4, 0, 10), Assert.Single(scores).Inputs["reach"], 6);
    }

    [Fact]
    public async Task A_declaration_mismatch_and_a_late_rectification_lower_the_score()
    {
        var (contractorId, projectId) = await HandComputedCaseAsync();
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            db.Inspections.Add(new Weishi.Web.Features.Inspections.Inspection
            {
                ProjectId = projectId, InspectedOn = new DateOnly(2091, 6, 1), Inspector = "街道检查员", Checklist = "[]",
                Findings = "实际服务内容与申报不一致", ContentMatchesDeclaration = false, RectificationRequired = true,
                RectificationDueOn = new DateOnly(2091, 7, 1), RectificationClosedAtUtc = new DateTime(2091, 7, 20, 2, 0, 0, DateTimeKind.Utc),
            });
            return await db.SaveChangesAsync();
        });
        using var scope = app.Factory.Services.CreateScope();
        var score = Assert.Single(await scope.ServiceProvider.GetRequiredService<ContractorAssessment>().ProjectScoresAsync(contractorId));
        Assert.Equal(50, score.Inputs["inspection"]); // 100 − 30 (mismatch) − 20 (closed 19 days late)
        Assert.False(score.Inputs.ContainsKey("reach")); // planned no sessions: not scored on reach
        // (100×30 + 80×20 + 90×30 + 60×20 + 50×20) / 120
        Assert.Equal(Math.Round(9500.0 / 120, 2), score.Total, 6);
    }

    [Theory]
    [InlineData(10, 10, 100, 100, 100.0)]
    [InlineData(5, 10, 50, 100, 50.0)]
    [InlineData(12, 10, 30, 100, 65.0)]
    [InlineData(0, 10, 0, 100, 0.0)]
    public void Reach_is_sessions_and_people_against_plan_capped(int held, int planned, int people, int target, double expected) =>
        Assert.Equal(expected, DeliveryPlanInput.Score(held, planned, people, target), 6);

    [Fact]
    public async Task The_district_changes_the_weights_and_the_score_follows()
    {
        var (contractorId, _) = await HandComputedCaseAsync();
        var district = await Browser.LoginAsync(app.Factory, "district");
        try
        {
            var response = await district.SubmitAsync("/Contractors/Assessment/Weights", new()
            {
                ["Weights[acceptance]"] = "0", ["Weights[budget]"] = "0", ["Weights[ontime]"] = "1", ["Weights[spotcheck]"] = "1", ["Weights[reach]"] = "0", ["Weights[inspection]"] = "0", ["Weights[survey]"] = "0", ["Weights[complaints]"] = "0",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            using var scope = app.Factory.Services.CreateScope();
            var score = Assert.Single(await scope.ServiceProvider.GetRequiredService<ContractorAssessment>().ProjectScoresAsync(contractorId));
            Assert.Equal(75.0, score.Total); // (90 + 60) / 2

            var bad = await district.SubmitAsync("/Contractors/Assessment/Weights", new()
            {
                ["Weights[acceptance]"] = "-5", ["Weights[budget]"] = "0", ["Weights[ontime]"] = "1", ["Weights[spotcheck]"] = "1", ["Weights[reach]"] = "0", ["Weights[inspection]"] = "0", ["Weights[survey]"] = "0", ["Weights[complaints]"] = "0",
            });
            Assert.Contains("0 至 100", (await district.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
        }
        finally
        {
            await district.SubmitAsync("/Contractors/Assessment/Weights", new()
            {
                ["Weights[acceptance]"] = "30", ["Weights[budget]"] = "20", ["Weights[ontime]"] = "30", ["Weights[spotcheck]"] = "20", ["Weights[reach]"] = "20", ["Weights[inspection]"] = "20", ["Weights[survey]"] = "20", ["Weights[complaints]"] = "10",
            });
        }
    }

    [Fact]
    public async Task The_demo_shows_real_differences_between_contractors()
    {
        using var scope = app.Factory.Services.CreateScope();
        var assessment = scope.ServiceProvider.GetRequiredService<ContractorAssessment>();
        var years = (await assessment.YearScoresAsync()).Where(y => y.Year == 2023).ToList();
        Assert.True(years.Count >= 40);
        Assert.Contains(years, y => y.Grade == "优");
        Assert.Contains(years, y => y.Score < 85);

        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, compare) = await district.GetAsync("/Contractors/Compare?category=Elderly&year=2023");
        var rows = compare.QuerySelectorAll("[data-testid=compare-table] tbody tr");
        Assert.True(rows.Length >= 5);
        Assert.Contains(rows, r => !r.TextContent.Contains("100.0%"));
    }

    [Fact]
    public async Task The_comparison_shows_each_contractors_survey_satisfaction()
    {
        // A delivered 2022 project with survey answers; its contractor's row shows the mean of the sheets of its projects in that category and year.
        var pick = await Fixtures.QueryAsync(app.Factory, db => db.SurveyResponses
            .Where(r => r.Project!.Year == 2022 && r.Project.ContractorId != null
                && (r.Project.Status == ProjectStatus.Completed || r.Project.Status == ProjectStatus.Accepted))
            .Select(r => new { ContractorId = r.Project!.ContractorId!.Value, r.Project.Category }).FirstAsync());
        var expected = await Fixtures.QueryAsync(app.Factory, db => db.SurveyResponses
            .Where(r => r.Project!.Year == 2022 && r.Project.ContractorId == pick.ContractorId && r.Project.Category == pick.Category
                && (r.Project.Status == ProjectStatus.Completed || r.Project.Status == ProjectStatus.Accepted))
            .GroupBy(r => 1).Select(g => new { Sum = g.Sum(r => r.Overall), Count = g.Count() }).SingleAsync());

        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, compare) = await district.GetAsync($"/Contractors/Compare?category={pick.Category}&year=2022");
        var row = compare.QuerySelectorAll("[data-testid=compare-table] tbody tr")
            .Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/Contractors/Detail/{pick.ContractorId}");
        Assert.Equal($"{Math.Round(expected.Sum / (double)expected.Count, 2):0.00}（{expected.Count}）",
            row.QuerySelector("[data-testid=satisfaction]")!.TextContent.Trim());
        Assert.DoesNotContain("上线后显示", compare.Body!.TextContent);
    }
}
