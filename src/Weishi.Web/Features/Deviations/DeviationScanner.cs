using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Deviations;

/// <summary>
/// The daily scan of projects in progress: raises a flag per project and rule that holds, updates the ones still
/// holding and resolves the ones that no longer do. Runs as the system (all projects).
/// </summary>
public sealed class DeviationScanner(WeishiDbContext db)
{
    public const int IdleDays = 30;

    public async Task<int> ScanAsync(DateOnly today, CancellationToken ct = default)
    {
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == ProjectStatus.InProgress)
            .Join(db.Contracts.IgnoreQueryFilters(), p => p.Id, c => c.ProjectId,
                (p, c) => new { p.Id, p.RegionId, p.Type, p.PlannedSessions, p.PlannedBeneficiaries, c.AmountFen, c.StartOn, c.EndOn })
            .ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var sessions = await db.ActivitySessions.IgnoreQueryFilters().Where(ActivitySession.HeldBy(today)).Where(s => ids.Contains(s.ProjectId))
            .GroupBy(s => s.ProjectId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(s => s.HeldOn) }).ToDictionaryAsync(x => x.Key, ct);
        var progress = await db.ProgressRecords.IgnoreQueryFilters().Where(r => ids.Contains(r.ProjectId))
            .GroupBy(r => r.ProjectId).Select(g => new { g.Key, Last = g.Max(r => r.RecordedOn) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var people = await db.Attendances.IgnoreQueryFilters().Where(a => ids.Contains(a.ProjectId))
            .GroupBy(a => a.ProjectId).Select(g => new { g.Key, Count = g.Select(a => a.ParticipantId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var paid = await db.Disbursements.IgnoreQueryFilters().Where(d => ids.Contains(d.ProjectId))
            .GroupBy(d => d.ProjectId).Select(g => new { g.Key, Fen = g.Sum(d => d.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var overdue = await db.Milestones.IgnoreQueryFilters().Where(m => ids.Contains(m.ProjectId) && m.DoneOn == null && m.PlannedOn < today)
            .GroupBy(m => m.ProjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var mismatched = await db.Inspections.IgnoreQueryFilters()
            .Where(i => ids.Contains(i.ProjectId) && !i.ContentMatchesDeclaration && i.RectificationClosedAtUtc == null)
            .Select(i => i.ProjectId).Distinct().ToListAsync(ct);

        var found = new Dictionary<(int ProjectId, DeviationKind Kind), (int RegionId, string Message)>();
        foreach (var p in projects)
        {
            void Raise(DeviationKind kind, string message) => found[(p.Id, kind)] = (p.RegionId, message);
            var span = Math.Max(1, p.EndOn.DayNumber - p.StartOn.DayNumber);
            var elapsed = Math.Clamp((today.DayNumber - p.StartOn.DayNumber) / (double)span, 0, 1);
            var held = sessions.TryGetValue(p.Id, out var s) ? s.Count : 0;
            if (p.Type == ProjectType.Service && p.PlannedSessions > 0)
            {
                var expected = (int)Math.Floor(elapsed * p.PlannedSessions);
                if (expected >= 1 && held < expected * 0.7)
                    Raise(DeviationKind.SessionsBehind, $"已开展 {held} 场，按进度应开展 {expected} 场（计划 {p.PlannedSessions} 场）");
                var expectedPeople = (int)Math.Floor(elapsed * p.PlannedBeneficiaries);
                var reached = people.GetValueOrDefault(p.Id);
                if (elapsed >= 0.3 && expectedPeople >= 1 && reached < expectedPeople * 0.7)
                    Raise(DeviationKind.ParticipantsBehind, $"已服务 {reached} 人，按进度应服务 {expectedPeople} 人（计划 {p.PlannedBeneficiaries} 人）");
            }
            var paidFen = paid.GetValueOrDefault(p.Id);
            if (elapsed >= 0.75 && paidFen < p.AmountFen * 0.3)
                Raise(DeviationKind.SpendingBehind, $"合同期已过 {Display.Percent(elapsed)}，拨付仅 {Display.Percent(p.AmountFen == 0 ? 0 : (double)paidFen / p.AmountFen)}");
            if (overdue.TryGetValue(p.Id, out var late))
                Raise(DeviationKind.MilestoneOverdue, $"{late} 个节点已超过计划日期仍未完成");
            if (mismatched.Contains(p.Id))
                Raise(DeviationKind.ContentMismatch, "检查发现实施内容与申报内容不一致，整改尚未完成");
            var last = new[] { s?.Last, progress.TryGetValue(p.Id, out var pr) ? pr : (DateOnly?)null }.Max();
            if (today.DayNumber - p.StartOn.DayNumber > IdleDays && (last is null || today.DayNumber - last.Value.DayNumber > IdleDays))
                Raise(DeviationKind.NoActivity, last is null ? $"开工已超过 {IdleDays} 天，尚无活动或进度记录" : $"最近一次记录在 {last:yyyy-MM-dd}，已超过 {IdleDays} 天");
        }

        // Another instance scanning at the same time may open the same flag first: the unique index on open flags
        // refuses the second, and the scan then matches what the other one stored.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ReconcileAsync(today, new Dictionary<(int, DeviationKind), (int, string)>(found), ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && DbErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Updates the open flags still found, resolves the others and opens the new ones (how many: the result).</summary>
    private async Task<int> ReconcileAsync(DateOnly today, Dictionary<(int ProjectId, DeviationKind Kind), (int RegionId, string Message)> found,
        CancellationToken ct)
    {
        var open = await db.DeviationFlags.IgnoreQueryFilters().Where(f => f.ResolvedOn == null).ToListAsync(ct);
        foreach (var flag in open)
        {
            if (found.Remove((flag.ProjectId, flag.Kind), out var still)) flag.Message = still.Message;
            else flag.ResolvedOn = today;
        }
        foreach (var ((projectId, kind), (regionId, message)) in found)
            db.DeviationFlags.Add(new DeviationFlag { ProjectId = projectId, RegionId = regionId, Kind = kind, Message = message, RaisedOn = today });
        await db.SaveChangesAsync(ct);
        return found.Count;
    }
}
