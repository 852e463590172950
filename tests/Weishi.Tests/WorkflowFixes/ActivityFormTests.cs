using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.WorkflowFixes;

/// <summary>Activities are recorded while a project is 实施中: the link and the form are offered then only, and the server still checks.</summary>
[Collection(DemoCollection.Name)]
public class ActivityFormTests(DemoApp app)
{
    [Fact]
    public async Task An_accepted_project_offers_no_activity_form_and_a_project_in_progress_does()
    {
        var accepted = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2069, 1_0000_00, ProjectStatus.Accepted);
        var running = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2069, 1_0000_00, ProjectStatus.InProgress);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");

        var (_, delivery) = await staff.GetAsync($"/Delivery/{accepted}");
        Assert.Null(delivery.QuerySelector("[data-testid=new-session-link]"));
        Assert.DoesNotContain("新增活动", delivery.Body!.TextContent);
        var (status, page) = await staff.GetAsync($"/Delivery/NewSession/{accepted}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Null(page.QuerySelector("input[name='Input.Place']"));
        Assert.Contains("已验收", page.QuerySelector("[data-testid=not-recording]")!.TextContent);

        // A hand-made post is refused by the server as before, and records nothing.
        var posted = await staff.SubmitAsync($"/Delivery/{accepted}", new()
        {
            ["Input.HeldOn"] = "2069-03-01", ["Input.From"] = "09:00", ["Input.To"] = "11:00",
            ["Input.Place"] = "社区广场", ["Input.Content"] = "健康讲座", ["Input.Staff"] = "张社工",
        }, postUrl: $"/Delivery/NewSession/{accepted}");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.ActivitySessions.IgnoreQueryFilters().AnyAsync(s => s.ProjectId == accepted)));

        var (_, runningDelivery) = await staff.GetAsync($"/Delivery/{running}");
        Assert.Equal($"/Delivery/NewSession/{running}", runningDelivery.QuerySelector("[data-testid=new-session-link]")!.GetAttribute("href"));
        var (_, form) = await staff.GetAsync($"/Delivery/NewSession/{running}");
        Assert.NotNull(form.QuerySelector("input[name='Input.Place']"));
        Assert.Null(form.QuerySelector("[data-testid=not-recording]"));
    }
}
