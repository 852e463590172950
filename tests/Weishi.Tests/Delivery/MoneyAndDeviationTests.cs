using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Deviations;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Delivery;

/// <summary>Disbursement limits, the deviation scan, and the concentration figures.</summary>
[Collection(DemoCollection.Name)]
public class MoneyAndDeviationTests(DemoApp app)
{
    private static Dictionary<string, string> Payment(int year, string amount, string voucher = "PZ-T-1") =>
        new() { ["PaidOn"] = $"{year}-05-01", ["Amount"] = amount, ["Stage"] = "预付款", ["VoucherNo"] = voucher };

    [Fact]
    public async Task A_project_is_never_paid_beyond_its_contract_and_bad_amounts_change_nothing()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2044, budgetFen: 50_000_00);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2044);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(2044, "30000"))).StatusCode);
        var over = await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(2044, "20000.01"));
        Assert.Contains("超出项目可拨付金额", (await staff.ReadAsync(over)).QuerySelector("[data-testid=errors]")!.TextContent);
        var negative = await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(2044, "-5"));
        Assert.Contains("不能为负数", (await staff.ReadAsync(negative)).QuerySelector("[data-testid=errors]")!.TextContent);
        var noVoucher = await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(2044, "100", voucher: " "));
        Assert.Contains("凭证号", (await staff.ReadAsync(noVoucher)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Browser.LoginAsync(app.Factory, "contractor")).GetAsync($"/Delivery/Disburse/{project}")).Status);

        using var scope = app.Factory.Services.CreateScope();
        Assert.Equal([30_000_00L], await DeliveryData.Db(scope).Disbursements.Where(d => d.ProjectId == project).Select(d => d.AmountFen).ToListAsync());
        var (_, hub) = await staff.GetAsync($"/Delivery/{project}");
        Assert.Equal("60.0%", hub.QuerySelector("[data-testid=execution-rate]")!.TextContent);
    }

    [Fact]
    public async Task A_communitys_spending_never_exceeds_its_committed_budget()
    {
        // Money already paid to a project that was later withdrawn still counts as spent, but no longer as committed.
        var withdrawn = await TestData.CreateProjectAsync(app.Factory, DeliveryData.TangKeng, 2045, 40_000_00, ProjectStatus.Withdrawn);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            db.Disbursements.Add(new Disbursement { ProjectId = withdrawn, PaidOn = new DateOnly(2045, 3, 1), AmountFen = 40_000_00, Stage = "预付款", VoucherNo = "PZ-OLD" });
            await db.SaveChangesAsync();
        }
        var project = await DeliveryData.ProjectAsync(app.Factory, 2045, budgetFen: 50_000_00);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2045);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var over = await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(2045, "20000"));
        Assert.Contains("超出社区已占用预算", (await staff.ReadAsync(over)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Disburse/{project}", Payment(2045, "10000"))).StatusCode);
    }

    [Fact]
    public async Task The_daily_scan_raises_flags_shows_them_to_the_responsible_and_resolves_them()
    {
        var today = new DateOnly(2046, 7, 1);
        // 老坑社区: no other test writes there, so its workbench lists only this project's flags.
        var project = await DeliveryData.ProjectAsync(app.Factory, 2046, start: new DateOnly(2046, 1, 1), plannedSessions: 10, plannedBeneficiaries: 100,
            community: "440310006004");
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            db.Milestones.Add(new Milestone { ProjectId = project, Name = "中期评估", Deliverable = "中期报告", PlannedOn = new DateOnly(2046, 5, 1) });
            db.Inspections.Add(new Weishi.Web.Features.Inspections.Inspection
            {
                ProjectId = project, InspectedOn = new DateOnly(2046, 6, 1), Inspector = "街道", Checklist = "", Findings = "内容与申报不一致",
                ContentMatchesDeclaration = false, RectificationRequired = true, RectificationDueOn = new DateOnly(2046, 6, 20),
            });
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<DeviationScanner>().ScanAsync(today);
        }
        async Task<List<DeviationKind>> OpenAsync()
        {
            using var scope = app.Factory.Services.CreateScope();
            return await DeliveryData.Db(scope).DeviationFlags.Where(f => f.ProjectId == project && f.ResolvedOn == null).Select(f => f.Kind).Distinct().ToListAsync();
        }
        var open = await OpenAsync();
        Assert.Contains(DeviationKind.SessionsBehind, open);
        Assert.Contains(DeviationKind.ParticipantsBehind, open);
        Assert.Contains(DeviationKind.MilestoneOverdue, open);
        Assert.Contains(DeviationKind.ContentMismatch, open);
        Assert.Contains(DeviationKind.NoActivity, open);
        Assert.DoesNotContain(DeviationKind.SpendingBehind, open);

        var staff = await Browser.LoginAsync(app.Factory, "cs-lk");
        var (_, home) = await staff.GetAsync("/Home/Workbench");
        Assert.Contains(home.QuerySelectorAll("[data-testid=deviations] a"), a => a.GetAttribute("href") == $"/Delivery/{project}");
        var (_, contractorHome) = await (await Browser.LoginAsync(app.Factory, "contractor")).GetAsync("/Home/Contractor");
        Assert.Contains(contractorHome.QuerySelectorAll("[data-testid=deviations] a"), a => a.GetAttribute("href") == $"/Delivery/{project}");
        var (_, elsewhere) = await (await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser)).GetAsync("/Home/Workbench");
        Assert.DoesNotContain(elsewhere.QuerySelectorAll("[data-testid=deviations] a"), a => a.GetAttribute("href") == $"/Delivery/{project}");

        // Catch up: sessions held with people, milestone done; the next scan resolves those flags and does not duplicate.
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            var register = scope.ServiceProvider.GetRequiredService<ParticipantRegister>();
            for (var s = 0; s < 5; s++)
            {
                var (sessionId, _) = await DeliveryData.SessionAsync(app.Factory, project, heldOn: today.AddDays(-5 * s));
                var session = await db.ActivitySessions.SingleAsync(x => x.Id == sessionId);
                for (var k = 0; k < 12; k++)
                    await register.AttendAsync(session, await register.FindOrAddAsync("居民", DeliveryData.NewPhone(), null), byQr: false);
            }
            (await db.Milestones.SingleAsync(m => m.ProjectId == project)).DoneOn = today;
            await db.SaveChangesAsync();
            await scope.ServiceProvider.GetRequiredService<DeviationScanner>().ScanAsync(today);
            await scope.ServiceProvider.GetRequiredService<DeviationScanner>().ScanAsync(today);
        }
        var after = await OpenAsync();
        Assert.Equal([DeviationKind.ContentMismatch], after);
        using (var scope = app.Factory.Services.CreateScope())
            Assert.Equal(1, await DeliveryData.Db(scope).DeviationFlags.CountAsync(f => f.ProjectId == project && f.ResolvedOn == null));
    }

    [Fact]
    public void Concentration_of_a_small_hand_computed_example()
    {
        // Nine people came once, one came eleven times: 20 attendances, the top 10% (one person) took 11 of them.
        // Gini over (1×9, 11): 2·(45 + 110)/(10·20) − 11/10 = 0.45.
        var c = Concentration.FromHistogram([(1, 9), (11, 1)]);
        Assert.Equal(10, c.Participants);
        Assert.Equal(20, c.Attendances);
        Assert.Equal(0.55m, c.Top10Share);
        Assert.Equal(0.45m, c.Gini);
        var even = Concentration.FromHistogram([(3, 20)]);
        Assert.Equal(0m, even.Gini);
        Assert.Equal(0.1m, even.Top10Share);
    }

    [Fact]
    public async Task Concentration_is_aggregated_in_the_database_per_community_year()
    {
        const int year = 2047;
        var project = await DeliveryData.ProjectAsync(app.Factory, year);
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var register = scope.ServiceProvider.GetRequiredService<ParticipantRegister>();
        var people = new List<Participant>();
        for (var i = 0; i < 10; i++) people.Add(await register.FindOrAddAsync($"居民{i}", DeliveryData.NewPhone(), null));
        for (var s = 0; s < 11; s++)
        {
            var (sessionId, _) = await DeliveryData.SessionAsync(app.Factory, project, heldOn: new DateOnly(year, 3, 1).AddDays(s));
            var session = await db.ActivitySessions.SingleAsync(x => x.Id == sessionId);
            await register.AttendAsync(session, people[9], byQr: true);
            if (s < 9) await register.AttendAsync(session, people[s], byQr: true);
        }
        var regionId = await TestData.RegionIdAsync(app.Factory, DeliveryData.TangKeng);
        var figures = (await scope.ServiceProvider.GetRequiredService<ConcentrationQuery>().ForYearAsync(year))[regionId];
        Assert.Equal(new Concentration(10, 20, 0.55m, 0.45m), figures);

        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync($"/Beneficiaries?year={year}");
        var row = page.QuerySelector($"[data-testid=concentration] tr[data-region='{regionId}']")!;
        Assert.Equal("55.0%", row.QuerySelector("[data-testid=top10]")!.TextContent);
        Assert.Equal("0.450", row.QuerySelector("[data-testid=gini]")!.TextContent);
        var (_, hub) = await district.GetAsync($"/Delivery/{project}");
        Assert.Equal("10", hub.QuerySelector("[data-testid=unique]")!.TextContent);
        Assert.Equal("50", hub.QuerySelector("[data-testid=planned]")!.TextContent);
    }
}
