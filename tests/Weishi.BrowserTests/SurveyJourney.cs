using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class SurveyJourney(LiveApp app)
{
    private async Task<string> OpenSurveyAsync()
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var project = await db.Projects.Where(p => p.Type == ProjectType.Service && !db.Surveys.Any(s => s.ProjectId == p.Id))
            .OrderByDescending(p => p.Id).FirstAsync();
        var survey = new Survey
        {
            ProjectId = project.Id, PublicToken = SurveyServices.NewToken(),
            ServiceStartUtc = DateTime.UtcNow.AddDays(-10), CreatedAtUtc = DateTime.UtcNow,
        };
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        return survey.PublicToken;
    }

    [Fact]
    public async Task A_participant_answers_the_survey_on_a_phone()
    {
        var token = await OpenSurveyAsync();
        var page = await app.NewPageAsync(phone: true);
        await page.GotoAsync($"/Survey/{token}");
        await page.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("基本满足").CheckAsync();
        await page.GetByLabel("愿意", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        // The awareness question was skipped: told in Chinese, the other answers are kept.
        Assert.Contains("听说过民生微实事", await page.GetByTestId("errors").TextContentAsync());
        Assert.True(await page.GetByLabel("基本满足").IsCheckedAsync());
        await page.GetByLabel("听说过", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await page.GetByTestId("thanks").WaitForAsync();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide");
    }
}
