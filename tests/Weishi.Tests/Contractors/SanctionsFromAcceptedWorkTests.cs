using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Contractors;

/// <summary>Sanction proposals rest on the assessed year's accepted (已验收) projects only; work under way is shown as 暂定.</summary>
[Collection(ContractorCollection.Name)]
public class SanctionsFromAcceptedWorkTests(DemoApp app)
{
    private const string LiuLian = "440310001001";
    private const string Page = "/Contractors/Assessment/Sanctions";

    /// <summary>A project of 2094 (budget 1000 元) for the contractor, with the given status, payment, finishing day and inspections.</summary>
    private async Task AddProjectAsync(int contractorId, ProjectStatus status, long paidFen, DateTime changedUtc, params bool[] inspectionsMatching)
    {
        var projectId = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2094, 1000_00, status);
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == projectId);
            p.ContractorId = contractorId;
            p.StatusChangedAtUtc = changedUtc;
            if (paidFen > 0) db.Disbursements.Add(new Disbursement { ProjectId = projectId, PaidOn = new DateOnly(2094, 12, 1), AmountFen = paidFen, Stage = "拨付" });
            foreach (var matches in inspectionsMatching)
                db.Inspections.Add(new Inspection
                {
                    ProjectId = projectId, InspectedOn = new DateOnly(2094, 6, 1), Inspector = "碧岭街道 周", Checklist = "活动按计划场次开展",
                    Findings = matches ? "按计划实施" : "实际内容与申报不符", ContentMatchesDeclaration = matches,
                });
            return await db.SaveChangesAsync();
        });
    }

    private async Task<List<SanctionProposal>> ProposalsAsync(int contractorId) =>
        await ContractorTestData.WithDbAsync(app.Factory, db => db.SanctionProposals.Where(p => p.ContractorId == contractorId).ToListAsync());

    [Fact]
    public async Task A_contractor_whose_only_projects_that_year_are_under_way_gets_no_proposal_however_low_its_score()
    {
        var contractor = await ContractorTestData.CreateAsync(app.Factory);
        // Three inspections finding the delivery unlike the declaration: 100 − 3 × 30 = 10 on each project still 实施中.
        var started = new DateTime(2094, 3, 1, 3, 0, 0, DateTimeKind.Utc);
        await AddProjectAsync(contractor.Id, ProjectStatus.InProgress, 0, started, false, false, false);
        await AddProjectAsync(contractor.Id, ProjectStatus.InProgress, 0, started, false, false, false);
        var district = await Browser.LoginAsync(app.Factory, "district");

        await district.SubmitAsync(Page, [], $"{Page}?handler=Propose");

        Assert.Empty(await ProposalsAsync(contractor.Id));
        var (_, page) = await district.GetAsync(Page);
        Assert.Null(page.QuerySelector($"[data-testid=pending] tr[data-contractor='{contractor.Id}']"));
        var waiting = page.QuerySelector($"[data-testid=waiting] tr[data-contractor='{contractor.Id}']")!.TextContent;
        Assert.Contains("本年度尚无已验收项目，不生成建议", waiting);
        Assert.Contains("10.00（暂定", waiting);
        // The profile still shows the year's score, marked provisional.
        var (_, detail) = await district.GetAsync($"/Contractors/Detail/{contractor.Id}");
        var year = detail.QuerySelector("[data-testid=year-scores] tr[data-year='2094']")!;
        Assert.Contains("10.00", year.TextContent);
        Assert.NotNull(year.QuerySelector("[data-testid=provisional]"));
    }

    [Fact]
    public async Task A_low_score_on_the_accepted_projects_is_proposed_even_when_work_under_way_would_lift_the_mean()
    {
        var contractor = await ContractorTestData.CreateAsync(app.Factory);
        // Accepted, nothing paid, 100 days late: (100×30 + 0×20 + 0×30) / 80 = 37.5, below the suspension line of 40.
        await AddProjectAsync(contractor.Id, ProjectStatus.Accepted, 0, new DateTime(2095, 4, 10, 3, 0, 0, DateTimeKind.Utc));
        // Under way, one inspection in order: 100. Counted in, the year's mean would be 68.75 and call for nothing.
        await AddProjectAsync(contractor.Id, ProjectStatus.InProgress, 0, new DateTime(2094, 3, 1, 3, 0, 0, DateTimeKind.Utc), true);
        var district = await Browser.LoginAsync(app.Factory, "district");

        await district.SubmitAsync(Page, [], $"{Page}?handler=Propose");

        var proposal = Assert.Single(await ProposalsAsync(contractor.Id));
        Assert.Equal((SanctionKind.Suspension, 2094, 37.5), (proposal.Kind, proposal.Year, proposal.Score));
        Assert.Contains("37.50（1 个已验收项目）", proposal.Basis);
        var (_, page) = await district.GetAsync(Page);
        Assert.NotNull(page.QuerySelector($"[data-testid=pending] tr[data-contractor='{contractor.Id}'][data-kind='Suspension']"));
        Assert.Null(page.QuerySelector($"[data-testid=waiting] tr[data-contractor='{contractor.Id}']"));
        var (_, detail) = await district.GetAsync($"/Contractors/Detail/{contractor.Id}");
        var year = detail.QuerySelector("[data-testid=year-scores] tr[data-year='2094']")!;
        Assert.Contains("68.75", year.TextContent);
        Assert.NotNull(year.QuerySelector("[data-testid=provisional]"));
    }
}
