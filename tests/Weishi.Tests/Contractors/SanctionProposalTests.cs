using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Contractors;

/// <summary>Watch list and suspension proposed from scores under the district's thresholds; complaints; the rating chart.</summary>
[Collection(ContractorCollection.Name)]
public class SanctionProposalTests(DemoApp app)
{
    private const string LiuLian = "440310001001";
    private const string Page = "/Contractors/Assessment/Sanctions";

    /// <summary>A contractor whose only project (2094, budget 1000 元) ends with the given status, payment and finishing day.</summary>
    private async Task<(int ContractorId, int ProjectId)> ContractorScoringAsync(ProjectStatus status, long paidFen, DateTime finishedUtc)
    {
        var contractor = await ContractorTestData.CreateAsync(app.Factory);
        await ContractorTestData.AdmitAsync(app.Factory, contractor.Id, ProjectCategory.Elderly);
        var projectId = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2094, 1000_00, status);
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == projectId);
            p.ContractorId = contractor.Id;
            p.StatusChangedAtUtc = finishedUtc;
            if (paidFen > 0) db.Disbursements.Add(new Disbursement { ProjectId = projectId, PaidOn = new DateOnly(2094, 12, 1), AmountFen = paidFen, Stage = "拨付" });
            return await db.SaveChangesAsync();
        });
        return (contractor.Id, projectId);
    }

    private static Dictionary<string, string> Policy(string watch, string suspend, string months) =>
        new() { ["Policy.WatchBelow"] = watch, ["Policy.SuspendBelow"] = suspend, ["Policy.Months"] = months };

    [Fact]
    public async Task Scores_below_the_thresholds_are_proposed_and_the_district_confirms_or_rejects_with_a_reason()
    {
        var late = new DateTime(2095, 4, 10, 3, 0, 0, DateTimeKind.Utc); // 100 days after 31 December: on-time score 0
        // Only accepted projects count towards a proposal (ADR 021).
        // (100×30 + 0×20 + 0×30) / 80 = 37.5; (100×30 + 50×20 + 0×30) / 80 = 50; (100×30 + 100×20 + 100×30) / 80 = 100
        var (weak, _) = await ContractorScoringAsync(ProjectStatus.Accepted, 0, late);
        var (middling, _) = await ContractorScoringAsync(ProjectStatus.Accepted, 500_00, late);
        var (good, _) = await ContractorScoringAsync(ProjectStatus.Accepted, 1000_00, new DateTime(2094, 12, 20, 3, 0, 0, DateTimeKind.Utc));
        var district = await Browser.LoginAsync(app.Factory, "district");
        try
        {
            // Bad thresholds change nothing.
            var bad = await district.SubmitAsync(Page, Policy("50", "70", "6"), $"{Page}?handler=Policy", "[data-testid=policy-form]");
            Assert.Contains("暂停线不能高于重点关注线", (await district.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
            var bad2 = await district.SubmitAsync(Page, Policy("-1", "20", "0"), $"{Page}?handler=Policy", "[data-testid=policy-form]");
            Assert.Contains("0 至 100", (await district.ReadAsync(bad2)).QuerySelector("[data-testid=errors]")!.TextContent);
            Assert.Equal(HttpStatusCode.Redirect, (await district.SubmitAsync(Page, Policy("60", "40", "6"), $"{Page}?handler=Policy", "[data-testid=policy-form]")).StatusCode);
            await ContractorTestData.WithDbAsync(app.Factory, async db =>
            {
                var policy = await db.SanctionPolicies.SingleAsync();
                Assert.Equal((60, 40, 6), (policy.WatchBelow, policy.SuspendBelow, policy.Months));
                return 0;
            });

            Assert.Equal(HttpStatusCode.Redirect, (await district.SubmitAsync(Page, [], $"{Page}?handler=Propose")).StatusCode);
            var (_, page) = await district.GetAsync(Page);
            Assert.NotNull(page.QuerySelector($"[data-testid=pending] tr[data-contractor='{weak}'][data-kind='Suspension']"));
            Assert.Null(page.QuerySelector($"[data-testid=pending] tr[data-contractor='{weak}'][data-kind='Watch']"));
            Assert.NotNull(page.QuerySelector($"[data-testid=pending] tr[data-contractor='{middling}'][data-kind='Watch']"));
            Assert.Null(page.QuerySelector($"[data-testid=pending] tr[data-contractor='{good}']"));
            Assert.Contains("37.50", page.QuerySelector($"[data-testid=pending] tr[data-contractor='{weak}']")!.TextContent);

            var suspendId = await ProposalIdAsync(weak);
            var watchId = await ProposalIdAsync(middling);
            // Nothing is decided without a reason, and proposals alone sanction nobody.
            var noReason = await district.SubmitAsync(Page, new() { ["proposalId"] = suspendId.ToString(), ["reason"] = " " }, $"{Page}?handler=Confirm");
            Assert.Contains("请填写", (await district.ReadAsync(noReason)).QuerySelector("[data-testid=errors]")!.TextContent);
            using (var scope = app.Factory.Services.CreateScope())
                Assert.Null(await scope.ServiceProvider.GetRequiredService<ContractorEligibility>().RefusalAsync(weak, ProjectCategory.Elderly));

            Assert.Equal(HttpStatusCode.Redirect, (await district.SubmitAsync(Page,
                new() { ["proposalId"] = suspendId.ToString(), ["reason"] = "连续未按期完成，经局务会研究同意暂停" }, $"{Page}?handler=Confirm")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await district.SubmitAsync(Page,
                new() { ["proposalId"] = watchId.ToString(), ["reason"] = "延期系疫情封控所致，不予关注" }, $"{Page}?handler=Reject")).StatusCode);
            // A decided proposal cannot be decided again.
            var again = await district.SubmitAsync(Page, new() { ["proposalId"] = watchId.ToString(), ["reason"] = "改为确认" }, $"{Page}?handler=Confirm");
            Assert.Contains("已处理", (await district.ReadAsync(again)).QuerySelector("[data-testid=errors]")!.TextContent);

            await ContractorTestData.WithDbAsync(app.Factory, async db =>
            {
                var today = Weishi.Web.Infrastructure.Web.ChinaDate.Today(TimeProvider.System); // sanctions start on the day in China
                var sanction = await db.ContractorSanctions.SingleAsync(s => s.ContractorId == weak);
                Assert.Equal(SanctionKind.Suspension, sanction.Kind);
                Assert.True(sanction.ActiveOn(today));
                Assert.Equal(today.AddMonths(6).AddDays(-1), sanction.EndsOn);
                Assert.Contains("经局务会研究同意暂停", sanction.Reason);
                Assert.False(await db.ContractorSanctions.AnyAsync(s => s.ContractorId == middling));
                var rejected = await db.SanctionProposals.SingleAsync(p => p.Id == watchId);
                Assert.Equal((ProposalStatus.Rejected, "延期系疫情封控所致，不予关注", "district"), (rejected.Status, rejected.DecisionReason, rejected.DecidedBy));
                // Both decisions are in the audit log.
                var audited = await db.AuditEntries.Where(a => a.Entity == nameof(SanctionProposal) && (a.EntityId == suspendId.ToString() || a.EntityId == watchId.ToString()))
                    .Select(a => a.After ?? "").ToListAsync();
                Assert.Contains(audited, a => a.Contains("经局务会研究同意暂停"));
                Assert.Contains(audited, a => a.Contains("不予关注"));
                Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(ContractorSanction) && a.EntityId == sanction.Id.ToString()));
                return 0;
            });

            // The suspended contractor cannot be named on a proposal any more.
            using (var scope = app.Factory.Services.CreateScope())
                Assert.Contains("暂停", await scope.ServiceProvider.GetRequiredService<ContractorEligibility>().RefusalAsync(weak, ProjectCategory.Elderly));

            // Proposing again repeats neither the rejected nor the confirmed measure for the same year.
            await district.SubmitAsync(Page, [], $"{Page}?handler=Propose");
            await ContractorTestData.WithDbAsync(app.Factory, async db =>
            {
                Assert.Equal(1, await db.SanctionProposals.CountAsync(p => p.ContractorId == middling));
                Assert.Equal(1, await db.SanctionProposals.CountAsync(p => p.ContractorId == weak));
                return 0;
            });
        }
        finally
        {
            await district.SubmitAsync(Page, Policy(SanctionPolicy.DefaultWatchBelow.ToString(), SanctionPolicy.DefaultSuspendBelow.ToString(),
                SanctionPolicy.DefaultMonths.ToString()), $"{Page}?handler=Policy", "[data-testid=policy-form]");
        }
    }

    /// <summary>A pending proposal for a new contractor whose basis is as long as its column allows.</summary>
    private async Task<(int ContractorId, int ProposalId, string Basis)> LongestProposalAsync()
    {
        var contractor = await ContractorTestData.CreateAsync(app.Factory);
        var basis = (contractor.Name + "考核得分低于暂停线").PadRight(SanctionProposal.BasisMaxLength, '依');
        var id = await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var proposal = new SanctionProposal
            {
                ContractorId = contractor.Id, Kind = SanctionKind.Suspension, Year = 2094, Score = 20, Threshold = 40, Basis = basis,
                ProposedAtUtc = DateTime.UtcNow,
            };
            db.SanctionProposals.Add(proposal);
            await db.SaveChangesAsync();
            return proposal.Id;
        });
        return (contractor.Id, id, basis);
    }

    [Fact]
    public async Task The_longest_reason_the_form_allows_is_stored_in_full_after_the_longest_basis()
    {
        var (contractorId, proposalId, basis) = await LongestProposalAsync();
        var reason = new string('理', ContractorSanction.TypedReasonMaxLength);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync(Page, new() { ["proposalId"] = proposalId.ToString(), ["reason"] = reason }, $"{Page}?handler=Confirm");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            Assert.Equal(basis + "；" + reason, await db.ContractorSanctions.Where(s => s.ContractorId == contractorId).Select(s => s.Reason).SingleAsync());
            var proposal = await db.SanctionProposals.SingleAsync(p => p.Id == proposalId);
            Assert.Equal((ProposalStatus.Confirmed, reason), (proposal.Status, proposal.DecisionReason));
            return 0;
        });
    }

    [Theory]
    [InlineData("Confirm")]
    [InlineData("Reject")]
    public async Task A_reason_one_character_too_long_is_refused_with_a_message_about_the_reason_and_nothing_is_stored(string handler)
    {
        var (contractorId, proposalId, _) = await LongestProposalAsync();
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync(Page,
            new() { ["proposalId"] = proposalId.ToString(), ["reason"] = new string('理', ContractorSanction.TypedReasonMaxLength + 1) }, $"{Page}?handler={handler}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await district.ReadAsync(response);
        Assert.Equal("理由不超过500字", page.QuerySelector("[data-testid=errors]")!.TextContent.Trim());
        Assert.Equal("500", page.QuerySelector($"[data-testid=pending] tr[data-contractor='{contractorId}'] input[name=reason]")!.GetAttribute("maxlength"));
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            Assert.False(await db.ContractorSanctions.AnyAsync(s => s.ContractorId == contractorId));
            var proposal = await db.SanctionProposals.SingleAsync(p => p.Id == proposalId);
            Assert.Equal((ProposalStatus.Pending, null), (proposal.Status, proposal.DecisionReason));
            Assert.Equal(["Added"], await db.AuditEntries.Where(a => a.Entity == nameof(SanctionProposal) && a.EntityId == proposalId.ToString())
                .Select(a => a.Action).ToListAsync());
            return 0;
        });
    }

    private async Task<int> ProposalIdAsync(int contractorId) =>
        await ContractorTestData.WithDbAsync(app.Factory, db => db.SanctionProposals.Where(p => p.ContractorId == contractorId && p.Status == ProposalStatus.Pending)
            .Select(p => p.Id).SingleAsync());

    [Theory]
    [InlineData("sd-bl")]
    [InlineData("contractor")]
    public async Task Only_the_district_sees_and_decides_proposals(string user)
    {
        var browser = await Browser.LoginAsync(app.Factory, user);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync(Page)).Status);
        var (_, own) = await browser.GetAsync("/Contractors");
        Assert.Null(own.QuerySelector($"a[href='{Page}']"));
    }

    [Fact]
    public async Task Complaints_raised_during_delivery_lower_the_score()
    {
        var (contractorId, projectId) = await ContractorScoringAsync(ProjectStatus.Accepted, 1000_00, new DateTime(2094, 12, 20, 3, 0, 0, DateTimeKind.Utc));
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == projectId);
            db.Contracts.Add(new Contract { ProjectId = projectId, ContractorId = contractorId, AmountFen = 1000_00, SignedOn = new DateOnly(2094, 3, 1), StartOn = new DateOnly(2094, 3, 1), EndOn = new DateOnly(2094, 12, 31) });
            Demand Case(DateTime at, string text) => new()
            {
                Text = text, Channel = DemandChannel.Hotline, RegionId = project.RegionId, SubmittedAtUtc = at, Status = DemandStatus.Accepted, ProjectId = projectId,
            };
            db.Demands.Add(Case(new DateTime(2094, 1, 15, 2, 0, 0, DateTimeKind.Utc), "希望开设长者课堂"));          // the need it came from
            db.Demands.Add(Case(new DateTime(2094, 6, 1, 2, 0, 0, DateTimeKind.Utc), "课堂经常临时取消"));            // complaint
            db.Demands.Add(Case(new DateTime(2094, 7, 1, 2, 0, 0, DateTimeKind.Utc), "授课老师迟到早退"));            // complaint
            return await db.SaveChangesAsync();
        });
        using var scope = app.Factory.Services.CreateScope();
        var score = Assert.Single(await scope.ServiceProvider.GetRequiredService<ContractorAssessment>().ProjectScoresAsync(contractorId));
        Assert.Equal(50, score.Inputs["complaints"]); // 100 − 2 × 25
        // (100×30 + 100×20 + 100×30 + 50×10) / 90
        Assert.Equal(Math.Round(8500.0 / 90, 2), score.Total, 6);
        Assert.Equal(0, ComplaintInput.Score(5));
    }

    [Fact]
    public async Task The_contractor_page_charts_the_rating_over_time()
    {
        var (contractorId, _) = await ContractorScoringAsync(ProjectStatus.Accepted, 500_00, new DateTime(2095, 4, 10, 3, 0, 0, DateTimeKind.Utc));
        var second = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2095, 1000_00, ProjectStatus.Accepted);
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == second);
            p.ContractorId = contractorId;
            p.StatusChangedAtUtc = new DateTime(2095, 12, 1, 3, 0, 0, DateTimeKind.Utc);
            db.Disbursements.Add(new Disbursement { ProjectId = second, PaidOn = new DateOnly(2095, 11, 1), AmountFen = 1000_00, Stage = "拨付" });
            return await db.SaveChangesAsync();
        });
        var (_, page) = await (await Browser.LoginAsync(app.Factory, "sd-bl")).GetAsync($"/Contractors/Detail/{contractorId}");
        Assert.NotNull(page.QuerySelector("#rating-chart[data-testid=rating-chart]"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/contractor-rating.js']"));
        using var json = JsonDocument.Parse(page.QuerySelector("#rating-data")!.TextContent);
        var years = json.RootElement.GetProperty("years").EnumerateArray()
            .Select(y => (y.GetProperty("year").GetInt32(), y.GetProperty("score").GetDouble())).ToList();
        Assert.Equal([(2094, 50.0), (2095, 100.0)], years);
        Assert.Equal(SanctionPolicy.DefaultWatchBelow, json.RootElement.GetProperty("watchBelow").GetInt32());
    }
}
