using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Delivery;

/// <summary>Plan against delivery of the projects in 实施中/已完成/已验收 of a region: sessions, participants, spending.</summary>
public sealed record ExecutionFigures(int Projects, int SessionsHeld, int SessionsPlanned, int Participants, int BeneficiariesPlanned,
    long SpentFen, long BudgetFen)
{
    public static readonly ExecutionFigures Empty = new(0, 0, 0, 0, 0, 0, 0);

    public decimal? SessionRate => Rate(SessionsHeld, SessionsPlanned);
    public decimal? ParticipantRate => Rate(Participants, BeneficiariesPlanned);
    public decimal? SpendingRate => Rate(SpentFen, BudgetFen);

    public ExecutionFigures Plus(ExecutionFigures o) => new(Projects + o.Projects, SessionsHeld + o.SessionsHeld,
        SessionsPlanned + o.SessionsPlanned, Participants + o.Participants, BeneficiariesPlanned + o.BeneficiariesPlanned,
        SpentFen + o.SpentFen, BudgetFen + o.BudgetFen);

    private static decimal? Rate(long done, long planned) => planned == 0 ? null : (decimal)done / planned;
}

/// <summary>
/// Per community of a year, aggregated in the database (the user's scope applies through the query filters).
/// Participants are each project's unique people summed over projects, the same count as the project page's reach;
/// sessions and people count only against service projects that planned them.
/// </summary>
public sealed class ExecutionQuery(WeishiDbContext db)
{
    public static readonly ProjectStatus[] Delivering = [ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Accepted];

    public async Task<Dictionary<int, ExecutionFigures>> PerCommunityAsync(int year, CancellationToken ct = default)
    {
        var projects = db.Projects.AsNoTracking().Where(p => p.Year == year && Delivering.Contains(p.Status));
        var plans = await projects.GroupBy(p => p.RegionId).Select(g => new
        {
            RegionId = g.Key,
            Count = g.Count(),
            Sessions = g.Sum(p => p.Type == ProjectType.Service ? p.PlannedSessions : 0),
            People = g.Sum(p => p.Type == ProjectType.Service ? p.PlannedBeneficiaries : 0),
        }).ToListAsync(ct);
        var budgets = await db.BudgetLines.AsNoTracking().Where(l => l.Project!.Year == year && Delivering.Contains(l.Project.Status))
            .GroupBy(l => l.Project!.RegionId).Select(g => new { g.Key, Fen = g.Sum(l => l.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var spent = await db.Disbursements.AsNoTracking().Where(d => d.Project!.Year == year && Delivering.Contains(d.Project.Status))
            .GroupBy(d => d.Project!.RegionId).Select(g => new { g.Key, Fen = g.Sum(d => d.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var sessions = await db.ActivitySessions.AsNoTracking()
            .Where(s => s.Project!.Year == year && s.Project.Type == ProjectType.Service && Delivering.Contains(s.Project.Status))
            .GroupBy(s => s.Project!.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var people = await db.Attendances.AsNoTracking()
            .Where(a => a.Year == year && a.Project!.Type == ProjectType.Service && Delivering.Contains(a.Project.Status))
            .Select(a => new { a.RegionId, a.ProjectId, a.ParticipantId }).Distinct()
            .GroupBy(x => x.RegionId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return plans.ToDictionary(p => p.RegionId, p => new ExecutionFigures(p.Count, sessions.GetValueOrDefault(p.RegionId), p.Sessions,
            people.GetValueOrDefault(p.RegionId), p.People, spent.GetValueOrDefault(p.RegionId), budgets.GetValueOrDefault(p.RegionId)));
    }
}
