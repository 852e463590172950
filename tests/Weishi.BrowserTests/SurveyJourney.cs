using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class SurveyJourney(LiveApp app) : Journey(app)
{
    private async Task<string> OpenSurveyAsync()
    {
        using var scope = App.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        // A service project being delivered: the demo's projects ended years ago and their surveys are closed.
        var region = await db.Regions.SingleAsync(r => r.Code == "440310003002");
        var project = new Project
        {
            Code = $"2048-T-{region.Abbr}-{Guid.NewGuid().ToString("N")[..8]}", Year = 2048, Name = "长者健康讲座", Type = ProjectType.Service,
            Category = ProjectCategory.Elderly, RegionId = region.Id, Status = ProjectStatus.InProgress, PlannedBeneficiaries = 20,
            CreatedAtUtc = DateTime.UtcNow.AddDays(-30), StatusChangedAtUtc = DateTime.UtcNow.AddDays(-20),
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
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
    public async Task Staff_send_invitations_watch_the_job_and_come_back_to_the_slips_to_print()
    {
        var token = await OpenSurveyAsync();
        int projectId;
        using (var scope = App.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var survey = await db.Surveys.Include(s => s.Project).SingleAsync(s => s.PublicToken == token);
            projectId = survey.ProjectId;
            var now = DateTime.UtcNow;
            var session = new Weishi.Web.Features.Delivery.ActivitySession
            {
                ProjectId = projectId, HeldOn = DateOnly.FromDateTime(now.AddDays(-5)), StartsAtUtc = now.AddDays(-5), EndsAtUtc = now.AddDays(-5).AddHours(2),
                Place = "汤坑社区党群服务中心", Content = "长者健康讲座", Staff = "社工 张", SignInToken = SurveyServices.NewToken(), CreatedAtUtc = now,
            };
            // Signed in without a phone: a printed slip.
            var person = new Weishi.Web.Features.Participants.Participant { Name = "李伯", FirstSeenAtUtc = now };
            db.AddRange(session, person);
            await db.SaveChangesAsync();
            db.Attendances.Add(new Weishi.Web.Features.Delivery.Attendance
            {
                SessionId = session.Id, ProjectId = projectId, RegionId = survey.Project!.RegionId, Year = survey.Project.Year, ParticipantId = person.Id, SignedInAtUtc = now,
            });
            await db.SaveChangesAsync();
        }

        var staff = await App.LoginAsync("cs-tk");
        await staff.GotoAsync($"/Surveys/Project/{projectId}");
        await staff.GetByTestId("invite").ClickAsync();
        await staff.Locator("[data-testid=job-progress][data-status=Succeeded]").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Contains("本次共 1 份纸质答卷条", await staff.GetByTestId("job-message").TextContentAsync());
        await staff.GetByTestId("job-return").ClickAsync();
        Assert.Equal("1", await staff.GetByTestId("slip-count").TextContentAsync());
        Assert.Contains("李伯", await staff.GetByTestId("slips").TextContentAsync());
    }

    [Fact]
    public async Task A_participant_answers_the_survey_on_a_phone()
    {
        var token = await OpenSurveyAsync();
        var page = await App.NewPageAsync(phone: true);
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

    [Fact]
    public async Task Community_staff_compose_a_survey_from_the_bank_and_a_participant_answers_it()
    {
        int projectId;
        using (var scope = App.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var region = await db.Regions.SingleAsync(r => r.Code == "440310003002");
            var project = new Project
            {
                Code = $"2048-T-{region.Abbr}-{Guid.NewGuid().ToString("N")[..8]}", Year = 2048, Name = "长者饭堂助餐服务", Type = ProjectType.Service,
                Category = ProjectCategory.Elderly, RegionId = region.Id, Status = ProjectStatus.Completed, PlannedBeneficiaries = 20,
                // Completed ten days ago: its survey takes answers for 30 days after completion.
                CreatedAtUtc = DateTime.UtcNow.AddDays(-30), StatusChangedAtUtc = DateTime.UtcNow.AddDays(-10),
            };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            projectId = project.Id;
        }

        var staff = await App.LoginAsync("cs-tk");
        await staff.GotoAsync($"/Surveys/Project/{projectId}");
        await staff.GetByTestId("compose-link").ClickAsync();
        // The elderly-service template is ticked; the price question is left out.
        Assert.True(await staff.Locator("#q-101").IsCheckedAsync());
        await staff.Locator("#q-102").UncheckAsync();
        await staff.GetByTestId("save").ClickAsync();
        await staff.WaitForURLAsync($"**/Surveys/Project/{projectId}");
        var questions = await staff.GetByTestId("questions").TextContentAsync();
        Assert.Contains("饭菜口味", questions);
        Assert.DoesNotContain("价格是否实惠", questions);
        var url = new Uri((await staff.GetByTestId("public-url").TextContentAsync())!.Trim()).AbsolutePath;

        var phone = await App.NewPageAsync(phone: true);
        await phone.GotoAsync(url);
        await phone.Locator("#overall4").CheckAsync();
        await phone.Locator("#need4").CheckAsync();
        await phone.Locator("#againYes").CheckAsync();
        await phone.Locator("#knewNo").CheckAsync();
        foreach (var item in await phone.Locator("[data-testid=targeted-question]").AllAsync())
            await item.Locator("input[value='3']").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await phone.GetByTestId("thanks").WaitForAsync();

        await staff.ReloadAsync();
        Assert.Equal("1", (await staff.GetByTestId("count").TextContentAsync())!.Trim());
        // The distribution chart is drawn by ECharts.
        await staff.Locator("[data-testid=distribution] canvas").First.WaitForAsync();
    }

    [Fact]
    public async Task The_survey_and_its_results_fit_a_375px_phone()
    {
        var token = await OpenSurveyAsync();
        int projectId;
        using (var scope = App.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var survey = await db.Surveys.SingleAsync(s => s.PublicToken == token);
            projectId = survey.ProjectId;
            // The bank's longest targeted questions: the longest lines the form and the results tables have to wrap.
            var questions = await db.SurveyQuestions.Where(q => !q.IsCore && q.Active).OrderByDescending(q => q.Text.Length).ThenBy(q => q.Id)
                .Take(3).Select(q => q.Id).ToListAsync();
            db.SurveyItems.AddRange(questions.Select(q => new SurveyItem { SurveyId = survey.Id, ProjectId = projectId, QuestionId = q }));
            await db.SaveChangesAsync();
        }
        var phone = new ViewportSize { Width = 375, Height = 812 };
        static async Task FitsAsync(IPage page, string what)
        {
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 375, $"{what} is {width}px wide on a 375px phone");
        }

        var resident = await App.NewPageAsync(phone, phone: true);
        await resident.GotoAsync($"/Survey/{token}");
        await FitsAsync(resident, "the survey form");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await resident.GetByTestId("errors").WaitForAsync();
        await FitsAsync(resident, "the survey form with its errors");
        await resident.Locator("#overall2").CheckAsync();
        await resident.Locator("#need3").CheckAsync();
        await resident.Locator("#againNo").CheckAsync();
        await resident.Locator("#knewYes").CheckAsync();
        foreach (var item in await resident.Locator("[data-testid=targeted-question]").AllAsync())
            await item.Locator("input[value='2']").CheckAsync();
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await resident.GetByTestId("thanks").WaitForAsync();
        await FitsAsync(resident, "the thanks page");

        // The community's staff read the results on a phone too.
        var staff = await App.NewPageAsync(phone, phone: true);
        await LiveApp.SignInAsync(staff, "cs-tk");
        await staff.GotoAsync($"/Surveys/Project/{projectId}");
        await staff.Locator("[data-testid=distribution] canvas").First.WaitForAsync();
        await FitsAsync(staff, "the project's survey results");
        await staff.GotoAsync("/Surveys?By=project&Year=2048");
        await staff.Locator("[data-testid=group]").First.WaitForAsync();
        await FitsAsync(staff, "the survey overview");
    }
}
