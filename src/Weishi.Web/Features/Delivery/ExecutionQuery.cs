using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

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
public sealed class ExecutionQuery(WeishiDbContext db, IMemoryCache cache)
{
    public async Task<Dictionary<int, ExecutionFigures>> PerCommunityAsync(int year, CancellationToken ct = default)
    {
        var projects = await db.Projects.AsNoTracking().Where(p => p.Year == year && ProjectWorkflow.Implemented.Contains(p.Status))
            .Select(p => new { p.Id, p.RegionId, p.Type, p.PlannedSessions, p.PlannedBeneficiaries }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var services = projects.Where(p => p.Type == ProjectType.Service).Select(p => p.Id).ToList();
        // Per project, through the (ProjectId, …) indexes; summed per community below. Counting distinct people per
        // community-year in one statement needed a temporary B-tree over every attendance and took seconds.
        var budgets = await db.BudgetLines.AsNoTracking().Where(l => ids.Contains(l.ProjectId))
            .GroupBy(l => l.ProjectId).Select(g => new { g.Key, Fen = g.Sum(l => l.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var spent = await db.Disbursements.AsNoTracking().Where(d => ids.Contains(d.ProjectId))
            .GroupBy(d => d.ProjectId).Select(g => new { g.Key, Fen = g.Sum(d => d.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var sessions = await db.ActivitySessions.AsNoTracking().Where(ActivitySession.HeldBy(ChinaDate.Today(db.Time))).Where(s => services.Contains(s.ProjectId))
            .GroupBy(s => s.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var people = await PeoplePerProjectAsync(year, ct);
        return projects.GroupBy(p => p.RegionId).ToDictionary(g => g.Key, g => new ExecutionFigures(
            g.Count(),
            g.Sum(p => sessions.GetValueOrDefault(p.Id)),
            g.Sum(p => p.Type == ProjectType.Service ? p.PlannedSessions : 0),
            g.Sum(p => p.Type == ProjectType.Service ? people.GetValueOrDefault(p.Id) : 0),
            g.Sum(p => p.Type == ProjectType.Service ? p.PlannedBeneficiaries : 0),
            g.Sum(p => spent.GetValueOrDefault(p.Id)),
            g.Sum(p => budgets.GetValueOrDefault(p.Id))));
    }

    /// <param name="CountedAt">When every project was last counted: updates after sign-ins keep it, so a full recount
    /// still happens ten minutes later (an attendance committed late with a lower id is caught then).</param>
    private sealed record PeoplePerProject(long Version, Dictionary<int, int> Counts, DateTimeOffset CountedAt);

    /// <summary>
    /// Unique participants of every project of the year, district-wide: the distinct count over a year's attendances is
    /// the expensive part of the page, so it is kept in memory under the attendance version: after new sign-ins only the
    /// projects they belong to are counted again. Callers look up only the projects their scope lets them read.
    /// </summary>
    private async Task<Dictionary<int, int>> PeoplePerProjectAsync(int year, CancellationToken ct)
    {
        var attendances = db.Attendances.IgnoreQueryFilters().AsNoTracking();
        var version = await ConcentrationQuery.AttendanceVersionAsync(db, ct);
        var key = (nameof(ExecutionQuery), year);
        if (cache.TryGetValue(key, out PeoplePerProject? kept) && kept is not null && kept.Version == version) return kept.Counts;

        PeoplePerProject updated;
        if (kept is not null && kept.Version < version)
        {
            var changed = await attendances.Where(a => a.Id > kept.Version && a.Year == year).Select(a => a.ProjectId).Distinct().ToListAsync(ct);
            var counts = new Dictionary<int, int>(kept.Counts);
            foreach (var (project, people) in await BeneficiaryQuery.UniquePerProjectAsync(attendances, changed, ct)) counts[project] = people;
            updated = kept with { Version = version, Counts = counts };
        }
        else
        {
            var projects = await db.Projects.IgnoreQueryFilters().Where(p => p.Year == year).Select(p => p.Id).ToListAsync(ct);
            updated = new PeoplePerProject(version, await BeneficiaryQuery.UniquePerProjectAsync(attendances, projects, ct), DateTimeOffset.UtcNow);
        }
        cache.Set(key, updated, updated.CountedAt + ConcentrationQuery.KeptFor);
        return updated.Counts;
    }
}
