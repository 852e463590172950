using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>
/// 五(三)二 surveys not targeted at the project: the meal questions are suggested for a 长者饭堂 / 助餐 project only, not for
/// every elderly service, and the demo asks them of no other project.
/// </summary>
[Collection(DemoCollection.Name)]
public class SurveyQuestionFitTests(DemoApp app)
{
    private static readonly string[] MealQuestions = ["饭菜口味", "价格是否实惠", "送餐或服务是否准时"];

    private static bool IsMealProject(string name) => name.Contains("饭堂") || name.Contains("助餐");

    private async Task<int> ElderlyServiceAsync(string name)
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043);
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        (await db.Projects.SingleAsync(p => p.Id == project)).Name = name;
        await db.SaveChangesAsync();
        return project;
    }

    private async Task<List<string>> SuggestedAsync(int project)
    {
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, form) = await staff.GetAsync($"/Surveys/Compose/{project}");
        return form.QuerySelectorAll("input[name=QuestionIds][checked]").Select(i => i.ParentElement!.TextContent).ToList();
    }

    [Fact]
    public async Task A_smartphone_class_for_the_elderly_is_suggested_no_meal_question()
    {
        var suggested = await SuggestedAsync(await ElderlyServiceAsync("汤坑社区长者智能手机培训班"));
        Assert.Contains(suggested, s => s.Contains("服务人员是否专业、耐心"));
        Assert.DoesNotContain(suggested, s => MealQuestions.Any(s.Contains));
    }

    [Fact]
    public async Task A_meal_project_for_the_elderly_is_suggested_the_meal_questions()
    {
        var suggested = await SuggestedAsync(await ElderlyServiceAsync("汤坑社区长者饭堂助餐服务（第二期）"));
        Assert.All(MealQuestions, q => Assert.Contains(suggested, s => s.Contains(q)));
        Assert.Contains(suggested, s => s.Contains("服务人员是否专业、耐心"));
    }

    [Fact]
    public async Task A_survey_composed_before_keeps_its_meal_question()
    {
        var project = await ElderlyServiceAsync("汤坑社区长者防诈骗宣传");
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            var survey = await SurveyOpening.EnsureOpenAsync(db, project, default);
            db.SurveyItems.Add(new SurveyItem { SurveyId = survey.Id, ProjectId = project, QuestionId = 101 });
            await db.SaveChangesAsync();
        }
        Assert.Equal(["饭菜口味"], (await SuggestedAsync(project)).Select(s => s.Trim()).Select(s => s[..s.IndexOf('（')].Trim()));
    }

    [Fact]
    public async Task The_demo_asks_and_lists_meal_questions_of_meal_projects_only()
    {
        using (var scope = app.Factory.Services.CreateScope())
        {
            var asked = await DeliveryData.Db(scope).SurveyItems.IgnoreQueryFilters().Where(i => i.Project!.Year >= 2021 && i.Project.Year <= 2023)
                .Select(i => new { i.Project!.Name, i.Question!.Text }).ToListAsync();
            Assert.Contains(asked, a => a.Text == "服务人员是否专业、耐心");
            Assert.DoesNotContain(asked, a => !IsMealProject(a.Name) && MealQuestions.Contains(a.Text));
        }

        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Surveys/Rectifications");
        var rows = page.QuerySelectorAll("[data-testid=rectification-row]").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList())
            .Where(c => int.Parse(c[1]) is >= 2021 and <= 2023).ToList();
        Assert.NotEmpty(rows);
        Assert.Contains(rows, c => c[0].Contains("长者") && !IsMealProject(c[0]));
        Assert.All(rows.Where(c => !IsMealProject(c[0])), c => Assert.DoesNotContain(MealQuestions, q => c[4].Contains(q)));
    }
}
