using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>The demo's surveys carry the report's findings: formal surveys, low awareness, genuine low scores with rectifications.</summary>
[Collection(DemoCollection.Name)]
public class DemoSurveyTests(DemoApp app)
{
    private static readonly DateTime DemoWrittenBefore = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_demo_years_hold_surveys_with_formal_ones_low_awareness_and_rectifications()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var projects = await SurveyOverview.LoadAsync(db, null, acrossScopes: true, default);
        var demo = projects.Where(p => p.Year is >= 2021 and <= 2023).ToList();
        Assert.Equal([2021, 2022, 2023], demo.Select(p => p.Year).Distinct().Order());
        var answers = demo.Sum(p => p.Stats.Count);
        Assert.InRange(answers, 1000, 5000);

        var formal = demo.Where(p => p.Flags.Any(f => f.Code is "top-marks" or "straight-lining")).ToList();
        Assert.InRange(formal.Count, 3, demo.Count / 3);
        Assert.All(formal, p => Assert.Contains(p.Flags, f => f.Code == "straight-lining"));

        var total = SurveyOverview.Group(demo, "all").Single();
        Assert.InRange(total.Awareness!.Value, 0.1, 0.4);

        var rectified = await db.Rectifications.Where(r => r.Project!.Year >= 2021 && r.Project.Year <= 2023).ToListAsync();
        Assert.NotEmpty(rectified);
        Assert.All(rectified, r => Assert.NotNull(r.CommunityActions));
        Assert.Contains(rectified, r => r.LowItems.Contains("总体满意度"));
        // Surveys are composed from the template: targeted questions were answered too.
        Assert.True(await db.SurveyItemAnswers.AnyAsync(a => a.Project!.Year == 2022));
    }

    [Fact]
    public async Task Demo_comments_and_contractor_answers_fit_the_kind_of_project_and_keep_the_demo_totals()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        // Sheets the demo wrote (before 2025): other tests in this collection answer demo surveys today.
        var demoSheets = db.SurveyResponses.Where(r => r.Project!.Year >= 2021 && r.Project.Year <= 2023 && r.SubmittedAtUtc < DemoWrittenBefore);
        var comments = await demoSheets.Where(r => r.Comment != null)
            .Select(r => new { r.Comment, r.Project!.Name, r.Project.Type }).ToListAsync();
        var mealWords = CoreQuestions.MealKeywords.Split(' ');
        string[] aboutMeals = ["饭菜", "送餐", "饭堂"];
        Assert.DoesNotContain(comments, c => aboutMeals.Any(c.Comment!.Contains) && !mealWords.Any(c.Name.Contains));
        Assert.DoesNotContain(comments, c => c.Comment!.Contains("施工") && c.Type != ProjectType.Works);
        Assert.DoesNotContain(comments, c => c.Comment!.Contains("活动") && c.Type != ProjectType.Service);

        var answers = await db.Rectifications.Where(r => r.Project!.Year >= 2021 && r.Project.Year <= 2023)
            .Select(r => new { r.ContractorAnswer, r.CommunityActions, r.Project!.Type }).ToListAsync();
        Assert.DoesNotContain(answers, a => a.ContractorAnswer!.Contains("服务人员") && a.Type != ProjectType.Service);
        Assert.DoesNotContain(answers, a => a.CommunityActions!.Contains("场次") && a.Type != ProjectType.Service);

        // Fitting the remarks changed none of the demo's figures.
        var sheets = await demoSheets.CountAsync();
        Assert.Equal((3595, 1023, 10), (sheets, comments.Count, answers.Count));
    }

    [Fact]
    public async Task The_demo_surveys_touch_no_project_counts_or_spending()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        Assert.Equal([579, 520, 493], await db.Projects.Where(p => p.Year >= 2021 && p.Year <= 2023 && ProjectWorkflow.Implemented.Contains(p.Status)).GroupBy(p => p.Year)
            .OrderBy(g => g.Key).Select(g => g.Count()).ToListAsync());
    }
}
