using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors.Assessment;

/// <summary>
/// 场次与受益人数: sessions held by today ÷ planned and unique participants ÷ planned beneficiaries, each capped at 1, averaged × 100.
/// Only service projects that planned sessions count; a project with nothing recorded scores 0.
/// </summary>
public sealed class DeliveryPlanInput(WeishiDbContext db) : IAssessmentInput
{
    public string Key => "reach";
    public string Name => "场次与受益人数达成";
    public int DefaultWeight => 20;

    public async Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct)
    {
        var planned = projects.Where(p => p.Type == Projects.ProjectType.Service && p.PlannedSessions > 0 && p.PlannedBeneficiaries > 0).ToList();
        if (planned.Count == 0) return [];
        var ids = planned.Select(p => p.ProjectId).ToList();
        // Across scopes on purpose, like the rest of the assessment: only the aggregate score leaves this class.
        var sessions = await db.ActivitySessions.IgnoreQueryFilters().AsNoTracking()
            .Where(Delivery.ActivitySession.HeldBy(ChinaDate.Today(db.Time))).Where(s => ids.Contains(s.ProjectId))
            .GroupBy(s => s.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var people = await db.Attendances.IgnoreQueryFilters().AsNoTracking().Where(a => ids.Contains(a.ProjectId))
            .GroupBy(a => a.ProjectId).Select(g => new { g.Key, Count = g.Select(a => a.ParticipantId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return planned.ToDictionary(p => p.ProjectId, p => Score(
            sessions.GetValueOrDefault(p.ProjectId), p.PlannedSessions, people.GetValueOrDefault(p.ProjectId), p.PlannedBeneficiaries));
    }

    public static double Score(int sessionsHeld, int sessionsPlanned, int uniquePeople, int beneficiariesPlanned) =>
        (Math.Min(1.0, (double)sessionsHeld / sessionsPlanned) + Math.Min(1.0, (double)uniquePeople / beneficiariesPlanned)) / 2 * 100;
}

/// <summary>
/// 监督检查与整改: 100, less 30 for each inspection that found the delivery differing from the declaration and 20 for each
/// rectification answered late or still open past its due date. Only inspected projects count.
/// </summary>
public sealed class InspectionInput(WeishiDbContext db) : IAssessmentInput
{
    public string Key => "inspection";
    public string Name => "监督检查与整改";
    public int DefaultWeight => 20;

    public async Task<Dictionary<int, double>> ScoreAsync(IReadOnlyList<ProjectFacts> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.ProjectId).ToList();
        var inspections = await db.Inspections.IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.ProjectId))
            .Select(i => new { i.ProjectId, i.ContentMatchesDeclaration, i.RectificationRequired, i.RectificationDueOn, i.RectificationClosedAtUtc })
            .ToListAsync(ct);
        var today = ChinaDate.Today(db.Time);
        return inspections.GroupBy(i => i.ProjectId).ToDictionary(g => g.Key, g => Score(
            g.Count(i => !i.ContentMatchesDeclaration),
            g.Count(i => i.RectificationRequired && i.RectificationDueOn is { } due
                && (i.RectificationClosedAtUtc is { } closed ? DateOnly.FromDateTime(closed) > due : today > due))));
    }

    public static double Score(int mismatches, int lateRectifications) => Math.Max(0, 100 - 30 * mismatches - 20 * lateRectifications);
}
