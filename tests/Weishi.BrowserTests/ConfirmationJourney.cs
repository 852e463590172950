using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

/// <summary>A step that ends a project (撤回, 否决) asks first: cancelling the question changes nothing.</summary>
[Collection(LiveAppCollection.Name)]
public class ConfirmationJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task Withdrawing_a_project_asks_for_confirmation_first()
    {
        int projectId;
        using (var scope = App.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var regionId = await db.Regions.Where(r => r.Code == "440310001001").Select(r => r.Id).SingleAsync();
            var project = new Project
            {
                Code = "2097-T-LL-" + Guid.NewGuid().ToString("N")[..6], Year = 2097, Name = "六联社区书法班", RegionId = regionId,
                Type = ProjectType.Service, Category = ProjectCategory.Culture, Status = ProjectStatus.Submitted,
                CreatedAtUtc = DateTime.UtcNow, StatusChangedAtUtc = DateTime.UtcNow,
            };
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            projectId = project.Id;
        }

        var staff = await App.LoginAsync("cs-ll");
        await staff.GotoAsync($"/Projects/Detail/{projectId}");
        var asked = new TaskCompletionSource<string>();
        void Dismiss(object? _, IDialog dialog) { asked.TrySetResult(dialog.Message); _ = dialog.DismissAsync(); }
        staff.Dialog += Dismiss;
        await staff.GetByRole(AriaRole.Button, new() { Name = "撤回" }).ClickAsync();
        var question = await asked.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("不能恢复", question);
        Assert.Contains("六联社区书法班", question);
        Assert.Equal("已申报", (await staff.GetByTestId("project-status").TextContentAsync())?.Trim());
        staff.Dialog -= Dismiss;

        void Accept(object? _, IDialog dialog) => _ = dialog.AcceptAsync();
        staff.Dialog += Accept;
        await staff.GetByRole(AriaRole.Button, new() { Name = "撤回" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("project-status")).ToHaveTextAsync("已撤回");
    }
}
