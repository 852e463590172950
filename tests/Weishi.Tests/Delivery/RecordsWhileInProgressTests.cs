using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Delivery;

/// <summary>
/// Delivery records are added while a project is 实施中 only: after 完工 or 验收 neither the contractor nor staff add
/// sign-ins or photos to its sessions, and a milestone is marked done once, while the project is under way.
/// </summary>
[Collection(DemoCollection.Name)]
public class RecordsWhileInProgressTests(DemoApp app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];

    private async Task<int> AttendancesAsync(int sessionId)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).Attendances.CountAsync(a => a.SessionId == sessionId);
    }

    private async Task<(int SessionId, string Token, Browser Contractor)> FinishedSessionAsync(ProjectStatus status)
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2044, status: status);
        var (sessionId, token) = await DeliveryData.SessionAsync(app.Factory, project);
        return (sessionId, token, await Browser.LoginAsync(app.Factory, "contractor"));
    }

    [Theory]
    [InlineData(ProjectStatus.Accepted)]
    [InlineData(ProjectStatus.Completed)]
    public async Task A_finished_projects_session_takes_no_sign_in_entered_by_hand(ProjectStatus status)
    {
        var (sessionId, _, contractor) = await FinishedSessionAsync(status);
        // Refused whatever the page offers (a page opened before the project was completed still has the form; the
        // token here is the sign-out form's).
        var entered = await contractor.SubmitAsync($"/Delivery/Session/{sessionId}", new() { ["Name"] = "补录者", ["Phone"] = DeliveryData.NewPhone() },
            postUrl: $"/Delivery/Session/{sessionId}?handler=Attendee");
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        Assert.Contains($"项目处于“{ProjectWorkflow.Name(status)}”", (await contractor.ReadAsync(entered)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await AttendancesAsync(sessionId));

        var (_, page) = await contractor.GetAsync($"/Delivery/Session/{sessionId}");
        Assert.Null(page.QuerySelector("[data-testid=attendee-form]"));
        Assert.Null(page.QuerySelector("[data-testid=photo-form]"));
        Assert.Contains("只有“实施中”的项目才能录入签到和上传照片", page.QuerySelector("[data-testid=not-recording]")!.TextContent);
    }

    [Fact]
    public async Task An_accepted_projects_session_takes_no_photo()
    {
        var (sessionId, _, contractor) = await FinishedSessionAsync(ProjectStatus.Accepted);
        var (_, page) = await contractor.GetAsync($"/Delivery/Session/{sessionId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var upload = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(Png), "photo", "photo.png" } };
        var photo = await contractor.Client.PostAsync($"/Delivery/Session/{sessionId}?handler=Photo", upload);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        using var scope = app.Factory.Services.CreateScope();
        Assert.Equal(0, await DeliveryData.Db(scope).EvidenceFiles.CountAsync(f => f.SessionId == sessionId));
    }

    [Fact]
    public async Task A_completed_projects_session_running_now_closes_its_QR_sign_in()
    {
        var (sessionId, token, _) = await FinishedSessionAsync(ProjectStatus.Completed);
        var visitor = Browser.For(app.Factory);
        var (_, signIn) = await visitor.GetAsync($"/SignIn/{token}");
        Assert.NotNull(signIn.QuerySelector("[data-testid=ended]"));
        // The closed page has no form: the visitor's token comes from the portal's.
        var scanned = await visitor.SubmitAsync("/Portal/Submit", new() { ["Name"] = "扫码者", ["Phone"] = DeliveryData.NewPhone() }, postUrl: $"/SignIn/{token}");
        Assert.Contains("签到已关闭", (await visitor.ReadAsync(scanned)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(0, await AttendancesAsync(sessionId));
    }

    private async Task<int> MilestoneAsync(int project, string name)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var milestone = new Milestone { ProjectId = project, Name = name, Deliverable = "实施方案", PlannedOn = new DateOnly(2044, 3, 1) };
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync();
        return milestone.Id;
    }

    private async Task<DateOnly?> DoneOnAsync(int milestone)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).Milestones.Where(m => m.Id == milestone).Select(m => m.DoneOn).SingleAsync();
    }

    /// <summary>Posts 标记完成 (the token of the page's sign-out form serves when the page offers no button).</summary>
    private static Task<HttpResponseMessage> MarkDoneAsync(Browser user, int project, int milestone) =>
        user.SubmitAsync($"/Delivery/{project}", new() { ["milestoneId"] = milestone.ToString() }, postUrl: $"/Delivery/{project}?handler=MilestoneDone");

    [Fact]
    public async Task A_milestone_done_keeps_the_day_it_was_marked()
    {
        // Community staff mark it here (they may, as the contractor may), on another contractor's project: a project
        // under way of the demo contractor would crowd its home page's deviation list.
        var project = await DeliveryData.ProjectAsync(app.Factory, 2044, contractorId: await Surveys.SurveyTestData.OtherContractorAsync(app.Factory));
        var milestone = await MilestoneAsync(project, "启动");
        await MarkDoneAsync(await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser), project, milestone);
        var doneOn = await DoneOnAsync(milestone);
        Assert.NotNull(doneOn);

        using var later = app.Factory.Clock.Advance(TimeSpan.FromDays(3));
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser); // the sign-in of three days ago has expired
        await MarkDoneAsync(staff, project, milestone);
        Assert.Equal(doneOn, await DoneOnAsync(milestone));
        var (_, page) = await staff.GetAsync($"/Delivery/{project}");
        Assert.Contains("已于", page.QuerySelector("[data-testid=flash-error]")!.TextContent);
    }

    [Fact]
    public async Task A_milestone_is_marked_done_only_while_the_project_is_in_progress()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2044, status: ProjectStatus.Accepted);
        var milestone = await MilestoneAsync(project, "完成交付");
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        await MarkDoneAsync(contractor, project, milestone);
        Assert.Null(await DoneOnAsync(milestone));
        var (_, page) = await contractor.GetAsync($"/Delivery/{project}");
        Assert.Contains("只有“实施中”的项目才能标记节点完成", page.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[data-testid=milestones] form"));
    }

    [Fact]
    public async Task An_inspection_without_rectification_asks_no_answer_of_the_contractor()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2044, status: ProjectStatus.Accepted);
        int inspection;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            var row = new Inspection
            {
                ProjectId = project, InspectedOn = new DateOnly(2044, 5, 1), Inspector = "碧岭街道 周", Checklist = "活动按计划场次开展",
                Findings = "按计划实施", ContentMatchesDeclaration = true,
            };
            db.Inspections.Add(row);
            await db.SaveChangesAsync();
            inspection = row.Id;
        }
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var (_, page) = await contractor.GetAsync($"/Inspections/Detail/{inspection}");
        Assert.Equal("无需整改", page.QuerySelector("[data-testid=rectification]")!.TextContent);
        Assert.Null(page.QuerySelector("[data-testid=response]"));
        Assert.DoesNotContain("尚未", page.QuerySelector("[data-testid=inspection]")!.TextContent);
    }
}
