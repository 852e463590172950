using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Delivery;

/// <summary>
/// Delivery forms refuse, in Chinese and storing nothing, what their columns cannot hold (PostgreSQL answered 500 to a
/// voucher number, place or inspector longer than its column) and a contract below what was already paid.
/// </summary>
[Collection(DemoCollection.Name)]
public class DeliveryFormLimitTests(DemoApp app)
{
    private static string Long(int length) => new('长', length);

    [Fact]
    public async Task Too_long_texts_are_refused_with_a_message_and_nothing_is_stored()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2046);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);

        var payment = await staff.SubmitAsync($"/Delivery/Disburse/{project}",
            new() { ["PaidOn"] = "2046-05-01", ["Amount"] = "100", ["Stage"] = "预付款", ["VoucherNo"] = Long(41) });
        Assert.Equal(HttpStatusCode.OK, payment.StatusCode);
        Assert.Contains("凭证号不能超过 40 个字符", (await staff.ReadAsync(payment)).QuerySelector("[data-testid=errors]")!.TextContent);

        var step = await staff.SubmitAsync($"/Delivery/Contract/{project}",
            new() { ["Step.Name"] = Long(81), ["Step.Deliverable"] = "实施方案", ["Step.PlannedOn"] = "2046-03-01" },
            postUrl: $"/Delivery/Contract/{project}?handler=Milestone");
        Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        Assert.Contains("节点名称不能超过 80 字", (await staff.ReadAsync(step)).QuerySelector("[data-testid=errors]")!.TextContent);

        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var session = await contractor.SubmitAsync($"/Delivery/NewSession/{project}", new()
        {
            ["Input.HeldOn"] = "2046-05-06", ["Input.From"] = "09:00", ["Input.To"] = "11:00", ["Input.Place"] = Long(121),
            ["Input.Content"] = "手工课", ["Input.Staff"] = "社工 李",
        });
        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Contains("不能超过 120 字", (await contractor.ReadAsync(session)).Body!.TextContent);

        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        var inspection = await officer.SubmitAsync($"/Inspections/New/{project}", new()
        {
            ["InspectedOn"] = "2046-06-01", ["Inspector"] = Long(81), ["Findings"] = "按计划开展", ["ContentMatches"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, inspection.StatusCode);
        Assert.Contains("检查人员不能超过 80 字", (await officer.ReadAsync(inspection)).Body!.TextContent);

        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Disbursements.CountAsync(d => d.ProjectId == project)));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Milestones.CountAsync(m => m.ProjectId == project)));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.ActivitySessions.CountAsync(s => s.ProjectId == project)));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Inspections.CountAsync(i => i.ProjectId == project)));
    }

    [Fact]
    public async Task An_acceptance_committee_longer_than_its_column_is_refused()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2046, status: ProjectStatus.Completed);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        var refused = await officer.SubmitAsync($"/Acceptance/Record/{project}",
            new() { ["AcceptedOn"] = "2046-12-01", ["Committee"] = Long(301), ["Result"] = nameof(AcceptanceResult.Passed) });
        Assert.Contains("验收小组成员不能超过 300 字", (await officer.ReadAsync(refused)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, project));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.AcceptanceRecords.CountAsync(a => a.ProjectId == project)));
    }

    [Fact]
    public async Task A_contract_may_not_be_lowered_below_what_was_already_paid()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2047, budgetFen: 50_000_00);
        var contractorId = await DeliveryData.ContractorIdAsync(app.Factory);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2047);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Disburse/{project}",
            new() { ["PaidOn"] = "2047-03-01", ["Amount"] = "30000", ["Stage"] = "预付款", ["VoucherNo"] = "PZ-2047-1" })).StatusCode);

        Dictionary<string, string> Contract(string amount) => new()
        {
            ["Input.ContractorId"] = contractorId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Amount"] = amount,
            ["Input.SignedOn"] = "2047-01-01", ["Input.StartOn"] = "2047-01-01", ["Input.EndOn"] = "2047-10-31",
        };
        var lowered = await staff.SubmitAsync($"/Delivery/Contract/{project}", Contract("100"), postUrl: $"/Delivery/Contract/{project}?handler=Contract");
        Assert.Equal(HttpStatusCode.OK, lowered.StatusCode);
        Assert.Contains("不能低于已拨付金额 30,000.00 元", (await staff.ReadAsync(lowered)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(50_000_00L, await Fixtures.QueryAsync(app.Factory, db => db.Contracts.Where(c => c.ProjectId == project).Select(c => c.AmountFen).SingleAsync()));

        // Exactly what was paid is a valid contract amount.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Contract/{project}", Contract("30000"),
            postUrl: $"/Delivery/Contract/{project}?handler=Contract")).StatusCode);
    }
}
