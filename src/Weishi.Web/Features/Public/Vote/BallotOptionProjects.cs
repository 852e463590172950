using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Public.Vote;

/// <summary>
/// The projects a ballot asks residents to choose between. They are usually still under review (社区评议), which the
/// portal does not publish (<see cref="PublicProjects"/>); a resident must still be able to see what each option is, so
/// from the moment a ballot opens (and while its results are shown) its options' projects are public through that
/// ballot only, limited to what <see cref="OptionDetails"/> carries. Visitors have no scope: this is the deliberately
/// unfiltered read, with its own filter (ballot opened ↔ option ↔ project).
/// </summary>
public static class BallotOptionProjects
{
    public static IQueryable<Project> Of(WeishiDbContext db, int ballotId, DateTime nowUtc)
    {
        var optionIds = db.Ballots.IgnoreQueryFilters().Where(b => b.Id == ballotId && b.OpensAtUtc <= nowUtc)
            .SelectMany(b => b.Options).Select(o => o.ProjectId);
        return db.Projects.IgnoreQueryFilters().Where(p => optionIds.Contains(p.Id));
    }

    /// <summary>What a proposal publicly says, and nothing else: no staff, contacts, needs' texts, reviews, scores or contractor.</summary>
    public sealed record OptionDetails(int ProjectId, string Name, ProjectCategory Category, string Applicant, string? Place,
        string? Content, string? TargetGroup, int PlannedBeneficiaries, int PlannedSessions, long BudgetFen, string? Schedule,
        int Needs, IReadOnlyList<Target> Targets);

    public sealed record Target(string Dimension, string Indicator, decimal Value, string Unit);

    /// <returns>Null when the project is not an option of that ballot, or the ballot is unknown or not yet open.</returns>
    public static async Task<OptionDetails?> DetailsAsync(WeishiDbContext db, int ballotId, int projectId, DateTime nowUtc, CancellationToken ct = default)
    {
        var p = await Of(db, ballotId, nowUtc).AsNoTracking().Where(p => p.Id == projectId)
            .Select(p => new
            {
                p.Id, p.Name, p.Category, Region = p.Region!.ShortName, Parent = p.Region.Parent == null ? null : p.Region.Parent.Name,
                p.Content, p.PlannedBeneficiaries, p.PlannedSessions, Budget = p.BudgetLines.Sum(l => l.AmountFen),
            }).FirstOrDefaultAsync(ct);
        if (p is null) return null;
        var proposal = await db.ProposalDetails.IgnoreQueryFilters().AsNoTracking().Where(d => d.ProjectId == projectId)
            .Select(d => new { d.Place, d.Schedule, d.TargetGroup }).FirstOrDefaultAsync(ct);
        var targets = (await db.PerformanceTargets.IgnoreQueryFilters().AsNoTracking().Where(t => t.ProjectId == projectId).OrderBy(t => t.Id)
                .Select(t => new { t.Dimension, t.Indicator, t.TargetValue, t.Unit }).ToListAsync(ct))
            .Select(t => new Target(Proposals.PerformanceTarget.DimensionName(t.Dimension), t.Indicator, t.TargetValue, t.Unit)).ToList();
        var needs = await db.Demands.IgnoreQueryFilters().CountAsync(d => d.ProjectId == projectId, ct);
        return new OptionDetails(p.Id, p.Name, p.Category, p.Parent is null ? p.Region : $"{p.Parent} {p.Region}", proposal?.Place,
            p.Content, proposal?.TargetGroup, p.PlannedBeneficiaries, p.PlannedSessions, p.Budget, proposal?.Schedule, needs, targets);
    }
}
