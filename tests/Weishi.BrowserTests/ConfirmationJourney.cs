using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

/// <summary>A step that ends a project (撤回, 否决) asks first: cancelling the question changes nothing. 否决 takes its
/// reason in the same form.</summary>
[Collection(LiveAppCollection.Name)]
public class ConfirmationJourney(LiveApp app) : Journey(app)
{
    private async Task<int> ProjectAsync(string name, ProjectStatus status)
    {
        using var scope = App.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var regionId = await db.Regions.Where(r => r.Code == "440310001001").Select(r => r.Id).SingleAsync();
        var project = new Project
        {
            Code = "2097-T-LL-" + Guid.NewGuid().ToString("N")[..6], Year = 2097, Name = name, RegionId = regionId,
            Type = ProjectType.Service, Category = ProjectCategory.Culture, Status = status,
            CreatedAtUtc = DateTime.UtcNow, StatusChangedAtUtc = DateTime.UtcNow,
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project.Id;
    }

    [Fact]
    public async Task Rejecting_takes_the_reason_in_the_same_form_and_asks_first()
    {
        var projectId = await ProjectAsync("六联社区剪纸班", ProjectStatus.CommunityReview);
        var staff = await App.LoginAsync("cs-ll");
        await staff.GotoAsync($"/Projects/Detail/{projectId}");
        void Accept(object? _, IDialog dialog) => _ = dialog.AcceptAsync();
        staff.Dialog += Accept;
        await staff.GetByLabel("否决理由").FillAsync("与社区已有的书法班内容重复");
        await staff.GetByRole(AriaRole.Button, new() { Name = "评议否决" }).ClickAsync();
        await Assertions.Expect(staff.GetByTestId("project-status")).ToHaveTextAsync("已否决");
        await Assertions.Expect(staff.GetByTestId("status-reason")).ToContainTextAsync("否决理由：与社区已有的书法班内容重复");
    }

    [Fact]
    public async Task Withdrawing_a_project_asks_for_confirmation_first()
    {
        var projectId = await ProjectAsync("六联社区书法班", ProjectStatus.Submitted);

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
