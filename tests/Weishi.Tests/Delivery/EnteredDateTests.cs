using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Tests.Delivery;

/// <summary>
/// Dates users enter for what has happened — a payment, a contract's signing, an inspection, an acceptance, progress, a
/// milestone done — are not after today in China, and not before what they depend on; a refusal says why in Chinese and
/// stores nothing. The contracts here start a few weeks before today, so no clock has to move.
/// </summary>
[Collection(DemoCollection.Name)]
public class EnteredDateTests(DemoApp app)
{
    private const int Year = 2041;
    private DateOnly Today => ChinaDate.Today(app.Factory.Clock);
    private static string Day(DateOnly d) => Display.Date(d);

    private Task<int> ProjectAsync(DateOnly contractStart, ProjectStatus status = ProjectStatus.InProgress, ProjectType type = ProjectType.Service) =>
        DeliveryData.ProjectAsync(app.Factory, Year, status: status, start: contractStart, type: type);

    private static Dictionary<string, string> Payment(DateOnly on, string voucher) =>
        new() { ["PaidOn"] = Day(on), ["Amount"] = "100", ["Stage"] = "预付款", ["VoucherNo"] = voucher };

    [Fact]
    public async Task A_payment_after_today_or_before_the_contract_was_signed_is_refused_and_nothing_is_stored()
    {
        var signed = Today.AddDays(-30);
        var project = await ProjectAsync(signed);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);

        var ahead = await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(Today.AddDays(1), "PZ-AHEAD"));
        Assert.Equal(HttpStatusCode.OK, ahead.StatusCode);
        Assert.Equal("拨付日期不能晚于今天", Fixtures.Errors(await staff.ReadAsync(ahead)).Trim());
        var early = await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(signed.AddDays(-1), "PZ-EARLY"));
        Assert.Equal($"拨付日期不能早于合同签订日期（{Day(signed)}）", Fixtures.Errors(await staff.ReadAsync(early)).Trim());
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Disbursements.CountAsync(d => d.ProjectId == project)));

        // The day of signing and today are both possible.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(signed, "PZ-SIGNED"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(Today, "PZ-TODAY"))).StatusCode);
        Assert.Equal([signed, Today], await Fixtures.QueryAsync(app.Factory,
            db => db.Disbursements.Where(d => d.ProjectId == project).OrderBy(d => d.PaidOn).Select(d => d.PaidOn).ToListAsync()));
    }

    [Fact]
    public async Task A_contract_signed_after_today_or_after_its_first_payment_is_refused_and_the_stored_one_is_kept()
    {
        var signed = Today.AddDays(-30);
        var project = await ProjectAsync(signed);
        var contractorId = (await DeliveryData.ContractorIdAsync(app.Factory)).ToString(CultureInfo.InvariantCulture);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var paidOn = signed.AddDays(10);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(paidOn, "PZ-FIRST"))).StatusCode);

        async Task<HttpResponseMessage> SignAsync(DateOnly on) => await staff.SubmitAsync($"/Delivery/Contract/{project}", new()
        {
            ["Input.ContractorId"] = contractorId, ["Input.Amount"] = "100000", ["Input.SignedOn"] = Day(on),
            ["Input.StartOn"] = Day(Today), ["Input.EndOn"] = Day(Today.AddDays(200)),   // planned dates may lie ahead
        }, postUrl: $"/Delivery/Contract/{project}?handler=Contract");
        var ahead = await SignAsync(Today.AddDays(1));
        Assert.Equal(HttpStatusCode.OK, ahead.StatusCode);
        var aheadErrors = Fixtures.Errors(await staff.ReadAsync(ahead));
        Assert.Contains("合同签订日期不能晚于今天", aheadErrors);
        var afterPayment = await SignAsync(paidOn.AddDays(1));
        Assert.Equal($"合同签订日期不能晚于最早一笔拨付的日期（{Day(paidOn)}）", Fixtures.Errors(await staff.ReadAsync(afterPayment)).Trim());
        Assert.Equal(signed, await Fixtures.QueryAsync(app.Factory, db => db.Contracts.Where(c => c.ProjectId == project).Select(c => c.SignedOn).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await SignAsync(paidOn)).StatusCode);
        Assert.Equal(paidOn, await Fixtures.QueryAsync(app.Factory, db => db.Contracts.Where(c => c.ProjectId == project).Select(c => c.SignedOn).SingleAsync()));
    }

    [Fact]
    public async Task An_inspection_after_today_is_refused_and_nothing_is_stored()
    {
        var project = await ProjectAsync(Today.AddDays(-60));
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        Dictionary<string, string> Inspection(DateOnly on) => new()
        {
            ["InspectedOn"] = Day(on), ["Inspector"] = "碧岭街道 周", ["Findings"] = "按计划开展", ["ContentMatches"] = "true",
        };
        var ahead = await officer.SubmitAsync($"/Inspections/New/{project}", Inspection(Today.AddDays(1)));
        Assert.Equal(HttpStatusCode.OK, ahead.StatusCode);
        Assert.Equal("检查日期不能晚于今天", Fixtures.Errors(await officer.ReadAsync(ahead)).Trim());
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Inspections.CountAsync(i => i.ProjectId == project)));

        // A rectification deadline is planned and may lie ahead.
        var today = Inspection(Today);
        today["ContentMatches"] = "false";
        today["RectificationRequired"] = "true";
        today["RectificationDueOn"] = Day(Today.AddDays(15));
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Inspections/New/{project}", today)).StatusCode);
    }

    [Fact]
    public async Task An_acceptance_after_today_or_before_the_work_began_is_refused_and_the_project_stays_completed()
    {
        var start = Today.AddDays(-90);
        var project = await ProjectAsync(start, ProjectStatus.Completed);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        Dictionary<string, string> Acceptance(DateOnly on) =>
            new() { ["AcceptedOn"] = Day(on), ["Committee"] = "街道、社区、居民代表", ["Result"] = nameof(AcceptanceResult.Passed) };

        var ahead = await officer.SubmitAsync($"/Acceptance/Record/{project}", Acceptance(Today.AddDays(1)));
        Assert.Equal(HttpStatusCode.OK, ahead.StatusCode);
        Assert.Equal("验收日期不能晚于今天", Fixtures.Errors(await officer.ReadAsync(ahead)).Trim());
        var early = await officer.SubmitAsync($"/Acceptance/Record/{project}", Acceptance(start.AddDays(-1)));
        Assert.Equal($"验收日期不能早于合同履约开始日期（{Day(start)}）", Fixtures.Errors(await officer.ReadAsync(early)).Trim());
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.AcceptanceRecords.CountAsync(a => a.ProjectId == project)));
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, project));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Acceptance/Record/{project}", Acceptance(Today))).StatusCode);
        Assert.Equal(ProjectStatus.Accepted, await TestData.StatusAsync(app.Factory, project));
    }

    [Fact]
    public async Task A_progress_record_after_today_is_refused_and_nothing_is_stored()
    {
        var project = await ProjectAsync(Today.AddDays(-60), type: ProjectType.Works);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var ahead = await contractor.SubmitAsync($"/Delivery/Progress/{project}", new()
        {
            ["Input.RecordedOn"] = Day(Today.AddDays(1)), ["Input.Description"] = "铺设透水砖", ["Input.Quantity"] = "20", ["Input.Unit"] = "平方米",
            ["Input.Address"] = "汤坑社区广场",
        });
        Assert.Equal(HttpStatusCode.OK, ahead.StatusCode);
        Assert.Equal("进度日期不能晚于今天", Fixtures.Errors(await contractor.ReadAsync(ahead)).Trim());
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.ProgressRecords.CountAsync(r => r.ProjectId == project)));
    }

    [Fact]
    public async Task The_date_pickers_for_what_has_happened_offer_no_day_after_today_in_China_nor_before_the_contract()
    {
        var start = Today.AddDays(-20);
        var project = await ProjectAsync(start);
        var signed = start.AddDays(-7);   // signed a week before the work starts: each picker has its own lower bound
        await Fixtures.ExecAsync(app.Factory, db => db.Contracts.Where(c => c.ProjectId == project).ExecuteUpdateAsync(u => u.SetProperty(c => c.SignedOn, signed)));
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        async Task<AngleSharp.Dom.IElement> InputAsync(Browser who, string url, string name)
        {
            var (status, page) = await who.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, status);
            return page.QuerySelector($"input[type=date][name='{name}']") ?? throw new Xunit.Sdk.XunitException($"no {name} on {url}");
        }

        var paidOn = await InputAsync(staff, $"/Delivery/Disburse/{project}", "PaidOn");
        Assert.Equal((Day(signed), Day(Today)), (paidOn.GetAttribute("min"), paidOn.GetAttribute("max")));
        Assert.Equal(Day(Today), (await InputAsync(staff, $"/Delivery/Contract/{project}", "Input.SignedOn")).GetAttribute("max"));
        Assert.Equal(Day(Today), (await InputAsync(officer, $"/Inspections/New/{project}", "InspectedOn")).GetAttribute("max"));
        var acceptedOn = await InputAsync(officer, $"/Acceptance/Record/{project}", "AcceptedOn");
        Assert.Equal((Day(start), Day(Today)), (acceptedOn.GetAttribute("min"), acceptedOn.GetAttribute("max")));
        Assert.Equal(Day(Today), (await InputAsync(contractor, $"/Delivery/Progress/{project}", "Input.RecordedOn")).GetAttribute("max"));
    }

    [Fact]
    public async Task A_milestone_is_marked_done_today_whatever_date_the_request_claims()
    {
        var project = await ProjectAsync(Today.AddDays(-60));
        var milestoneId = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var m = new Milestone { ProjectId = project, Name = "启动", Deliverable = "实施方案", PlannedOn = Today.AddDays(30) };
            db.Milestones.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var done = await contractor.SubmitAsync($"/Delivery/{project}", new()
        {
            ["milestoneId"] = milestoneId.ToString(CultureInfo.InvariantCulture), ["doneOn"] = Day(Today.AddDays(30)),
        }, postUrl: $"/Delivery/{project}?handler=MilestoneDone");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(Today, await Fixtures.QueryAsync(app.Factory, db => db.Milestones.Where(m => m.Id == milestoneId).Select(m => m.DoneOn).SingleAsync()));
    }
}
