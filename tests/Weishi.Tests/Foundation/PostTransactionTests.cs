using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Council;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

/// <summary>
/// A post whose later save is refused stores nothing of its earlier saves, and no audit entry of them: the saves of a
/// post are one transaction (ADR 016). Each test refuses the last save of a handler that saves more than once.
/// </summary>
[Collection(DemoCollection.Name)]
public class PostTransactionTests(DemoApp app)
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The refusal as the context would throw it for a text too long.</summary>
    private static TextTooLongException Refusal(string entity) => new(entity, "Name", 80, 81);

    /// <summary>The message the user sees: on the page shown again, or on the page the refused post was sent back to.</summary>
    private static async Task<string> FlashErrorAsync(Browser browser, HttpResponseMessage response)
    {
        IHtmlDocument page;
        if (response.StatusCode == HttpStatusCode.Redirect) (_, page) = await browser.GetAsync(response.Headers.Location!.OriginalString);
        else
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            page = await browser.ReadAsync(response);
        }
        return page.QuerySelector("[data-testid=flash-error]")?.TextContent ?? "";
    }

    private Task<int> AuditCountAsync(string entity, int id) =>
        Fixtures.QueryAsync(app.Factory, db => db.AuditEntries.CountAsync(a => a.Entity == entity && a.EntityId == S(id)));

    [Fact]
    public async Task A_council_score_whose_status_move_is_refused_stores_no_score_sheet()
    {
        const int year = 2095;
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var project = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, year, 5_0000_00, ProjectStatus.Submitted);
        await Fixtures.PublishRubricAsync(app.Factory, year);
        var created = await staff.SubmitAsync("/Council", new()
        {
            ["regionId"] = S(await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian)), ["year"] = S(year), ["heldOn"] = $"{year - 1}-12-01",
            ["place"] = "六联社区党群服务中心", ["quorum"] = "1", ["members"] = "张三,代表",
        });
        var session = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        var member = await Fixtures.QueryAsync(app.Factory, db => db.CouncilMembers.Where(m => m.SessionId == session).Select(m => m.Id).SingleAsync());
        var criteria = await Fixtures.QueryAsync(app.Factory, db => db.CouncilSessions.Where(s => s.Id == session)
            .SelectMany(s => s.Rubric!.Criteria).Select(c => c.Id).ToListAsync());
        var form = new Dictionary<string, string> { ["memberId"] = S(member), ["projectId"] = S(project), ["comment"] = "群众呼声高" };
        foreach (var c in criteria) form[$"points[{c}]"] = "8";

        var refusal = Refusal(nameof(Project));
        int? sheet = null;
        HttpResponseMessage response;
        // The score sheet is saved first; the move into community review, saved next, is refused.
        using (app.Factory.RefuseSaves<Project>(e =>
               {
                   if (e.Entity.Id != project || e.State != EntityState.Modified) return false;
                   sheet = e.Context.ChangeTracker.Entries<CouncilScoreSheet>().Single(s => s.Entity.ProjectId == project).Entity.Id;
                   return true;
               }, refusal))
            response = await staff.SubmitAsync($"/Council/Session/{session}", form, postUrl: $"/Council/Session/{session}?handler=Score");

        Assert.Equal(refusal.Message, await FlashErrorAsync(staff, response));
        Assert.NotNull(sheet);
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.CouncilScoreSheets.CountAsync(s => s.ProjectId == project)));
        Assert.Equal(0, await AuditCountAsync(nameof(CouncilScoreSheet), sheet.Value));
        Assert.Equal(ProjectStatus.Submitted, await TestData.StatusAsync(app.Factory, project));
    }

    [Fact]
    public async Task An_attendee_whose_attendance_is_refused_is_not_registered_either()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2049);
        var (session, _) = await DeliveryData.SessionAsync(app.Factory, project);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);

        var refusal = Refusal(nameof(Attendance));
        int? participant = null;
        HttpResponseMessage response;
        // The new participant is saved first; the attendance, saved next, is refused.
        using (app.Factory.RefuseSaves<Attendance>(e =>
               {
                   if (e.Entity.SessionId != session) return false;
                   participant = e.Entity.ParticipantId;
                   return true;
               }, refusal))
            response = await staff.SubmitAsync($"/Delivery/Session/{session}",
                new() { ["Name"] = "退回测试", ["Phone"] = "", ["IdNumber"] = DeliveryData.NewIdNumber() },
                postUrl: $"/Delivery/Session/{session}?handler=Attendee", formSelector: "[data-testid=attendee-form]");

        Assert.Equal(refusal.Message, await FlashErrorAsync(staff, response));
        Assert.NotNull(participant);
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Attendances.CountAsync(a => a.SessionId == session)));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.Participants.IgnoreQueryFilters().AnyAsync(p => p.Id == participant)));
        Assert.Equal(0, await AuditCountAsync(nameof(Participant), participant.Value));
    }

    [Fact]
    public async Task A_proposal_saved_and_submitted_at_once_whose_submission_is_refused_leaves_no_draft()
    {
        const int year = 2096;
        var name = "退回测试讲座 " + Guid.NewGuid().ToString("N")[..8];
        var community = await Browser.LoginAsync(app.Factory, "cs-ll");
        var form = new Dictionary<string, string>
        {
            ["Input.Year"] = S(year), ["Input.RegionId"] = S(await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian)), ["Input.Name"] = name,
            ["Input.Type"] = nameof(ProjectType.Service), ["Input.Category"] = nameof(ProjectCategory.Elderly),
            ["Input.Content"] = "每月为辖区长者开展两次健康讲座", ["Input.TargetGroup"] = "60岁以上长者", ["Input.Place"] = "社区党群服务中心",
            ["Input.Schedule"] = "全年每月两次", ["Input.PlannedBeneficiaries"] = "300", ["Input.PlannedSessions"] = "24",
            ["Input.Lines[0].Item"] = "讲师费", ["Input.Lines[0].Unit"] = "场", ["Input.Lines[0].Quantity"] = "24", ["Input.Lines[0].UnitPrice"] = "800",
            ["Input.Targets[0].Dimension"] = nameof(TargetDimension.Quantity), ["Input.Targets[0].Indicator"] = "开展活动场次",
            ["Input.Targets[0].Value"] = "24", ["Input.Targets[0].Unit"] = "场", ["submitAs"] = "submit",
        };

        var refusal = Refusal(nameof(Project));
        int? draft = null;
        HttpResponseMessage response;
        // The draft (project, details, budget lines, targets) is saved first; the submission, saved next, is refused.
        using (app.Factory.RefuseSaves<Project>(e =>
               {
                   if (e.Entity.Name != name || e.State != EntityState.Modified) return false;
                   draft = e.Entity.Id;
                   return true;
               }, refusal))
            response = await community.SubmitAsync("/Proposals/Create", form);

        Assert.Equal(refusal.Message, await FlashErrorAsync(community, response));
        Assert.NotNull(draft);
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.Projects.IgnoreQueryFilters().AnyAsync(p => p.Id == draft || p.Name == name)));
        Assert.Equal(0, await AuditCountAsync(nameof(Project), draft.Value));
    }
}
