using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors.Assessment;

/// <summary>
/// Proposes 重点关注 and 暂停 from each contractor's latest yearly score under the district's thresholds, and carries
/// out the district's decision. Only the year's accepted (已验收) projects count towards a proposal: work still under way
/// or awaiting acceptance can change its score, so a contractor without an accepted project in its latest year gets
/// none (ADR 021). A proposal is not repeated for the same contractor, measure and year (whatever was decided), nor
/// made while the same measure is already in force or a suspension is proposed.
/// </summary>
public sealed class SanctionProposer(WeishiDbContext db, ContractorAssessment assessment)
{
    public Task<SanctionPolicy> PolicyAsync(CancellationToken ct = default) => LoadPolicyAsync(db, ct);

    /// <summary>The district's thresholds (one row), or the defaults before any is saved.</summary>
    public static async Task<SanctionPolicy> LoadPolicyAsync(WeishiDbContext db, CancellationToken ct) =>
        await db.SanctionPolicies.AsNoTracking().OrderBy(p => p.Id).FirstOrDefaultAsync(ct) ?? new SanctionPolicy();

    /// <summary>
    /// Each contractor's latest assessed year, scored on that year's accepted projects only (Basis), and the contractors
    /// whose provisional score for that year is below a line but who have no accepted project in it yet (Waiting).
    /// </summary>
    public async Task<(List<YearScore> Basis, List<YearScore> Waiting)> ScoresAsync(SanctionPolicy policy, CancellationToken ct = default)
    {
        var scores = await assessment.ProjectScoresAsync(null, ct);
        var latest = ContractorAssessment.Latest(ContractorAssessment.ByYear(scores));
        var accepted = ContractorAssessment.ByYear(scores.Where(s => s.Project.Status == ProjectStatus.Accepted))
            .ToDictionary(y => (y.ContractorId, y.Year));
        var basis = new List<YearScore>();
        var waiting = new List<YearScore>();
        foreach (var year in latest.Values.OrderBy(y => y.ContractorId))
        {
            if (accepted.TryGetValue((year.ContractorId, year.Year), out var final)) basis.Add(final);
            else if (policy.For(year.Score) is not null) waiting.Add(year);
        }
        return (basis, waiting);
    }

    /// <summary>Adds the proposals the accepted projects' scores call for; returns how many were added.</summary>
    public async Task<int> ProposeAsync(CancellationToken ct = default)
    {
        var policy = await PolicyAsync(ct);
        var (basis, _) = await ScoresAsync(policy, ct);
        var today = ChinaDate.Today(db.Time);
        var inForce = (await db.ContractorSanctions.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct))
            .Where(s => s.ActiveOn(today)).Select(s => (s.ContractorId, s.Kind)).ToHashSet();
        var existing = (await db.SanctionProposals.IgnoreQueryFilters().AsNoTracking()
                .Select(p => new { p.ContractorId, p.Kind, p.Year, p.Status }).ToListAsync(ct));
        var done = existing.Select(p => (p.ContractorId, p.Kind, p.Year)).ToHashSet();
        var pendingSuspension = existing.Where(p => p.Status == ProposalStatus.Pending && p.Kind == SanctionKind.Suspension)
            .Select(p => p.ContractorId).ToHashSet();
        var added = 0;
        foreach (var score in basis)
        {
            if (policy.For(score.Score) is not { } kind) continue;
            if (done.Contains((score.ContractorId, kind, score.Year)) || inForce.Contains((score.ContractorId, kind))) continue;
            if (kind == SanctionKind.Watch && (inForce.Contains((score.ContractorId, SanctionKind.Suspension)) || pendingSuspension.Contains(score.ContractorId))) continue;
            var threshold = kind == SanctionKind.Suspension ? policy.SuspendBelow : policy.WatchBelow;
            db.SanctionProposals.Add(new SanctionProposal
            {
                ContractorId = score.ContractorId, Kind = kind, Year = score.Year, Score = score.Score, Threshold = threshold,
                Basis = $"{score.Year} 年考核得分 {score.Score:0.00}（{score.Projects} 个已验收项目），低于{ContractorSanction.KindName(kind)}线 {threshold} 分",
                ProposedAtUtc = db.Time.GetUtcNow().UtcDateTime,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>Confirms a pending proposal: the measure starts today for the policy's months. Returns the refusal, or null.</summary>
    public async Task<string?> ConfirmAsync(int proposalId, string? reason, CancellationToken ct = default)
    {
        if (Check(reason) is { } error) return error;
        var proposal = await db.SanctionProposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return "建议不存在";
        if (proposal.Status != ProposalStatus.Pending) return "该建议已处理";
        var policy = await PolicyAsync(ct);
        var today = ChinaDate.Today(db.Time);
        var sanction = new ContractorSanction
        {
            ContractorId = proposal.ContractorId, Kind = proposal.Kind, StartsOn = today, EndsOn = today.AddMonths(policy.Months).AddDays(-1),
            Reason = ContractorSanction.FromProposal(proposal.Basis, reason!.Trim()), CreatedBy = db.Scope.UserName,
        };
        await using var tx = await db.BeginWorkAsync(ct);
        db.ContractorSanctions.Add(sanction);
        Decide(proposal, ProposalStatus.Confirmed, reason);
        await db.SaveChangesAsync(ct);
        proposal.SanctionId = sanction.Id;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>Rejects a pending proposal with the district's reason. Returns the refusal, or null.</summary>
    public async Task<string?> RejectAsync(int proposalId, string? reason, CancellationToken ct = default)
    {
        if (Check(reason) is { } error) return error;
        var proposal = await db.SanctionProposals.FirstOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null) return "建议不存在";
        if (proposal.Status != ProposalStatus.Pending) return "该建议已处理";
        Decide(proposal, ProposalStatus.Rejected, reason);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string? Check(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "请填写确认或驳回的理由"
        : reason.Trim().Length > ContractorSanction.TypedReasonMaxLength ? $"理由不超过{ContractorSanction.TypedReasonMaxLength}字" : null;

    private void Decide(SanctionProposal proposal, ProposalStatus status, string? reason)
    {
        proposal.Status = status;
        proposal.DecisionReason = reason!.Trim();
        proposal.DecidedAtUtc = db.Time.GetUtcNow().UtcDateTime;
        proposal.DecidedBy = db.Scope.UserName;
    }
}
