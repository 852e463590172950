using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Acceptance;

/// <summary>
/// 已验收 follows a passing acceptance record and never while an inspection's rectification is still open (open
/// rectifications also forbid 已完工, see the completion check). Enforced on the step whichever page posts it.
/// </summary>
public sealed class AcceptanceGuard(WeishiDbContext db) : IProjectStepGuard
{
    public async Task<string?> CheckAsync(Project project, ProjectStatus to, string? comment, CancellationToken ct)
    {
        if (to != ProjectStatus.Accepted) return null;
        return await RefusalAsync(db, project.Id, ct) ?? await RecordMissingAsync(db, project.Id, ct);
    }

    public Task OnMovingAsync(Project project, ProjectStatus from, ProjectStatus to, string? comment, CancellationToken ct) => Task.CompletedTask;

    public static async Task<string?> RefusalAsync(WeishiDbContext db, int projectId, CancellationToken ct)
    {
        var open = await OpenRectificationsAsync(db, projectId, ct);
        return open == 0 ? null : $"该项目还有 {open} 项整改未完成，不能验收";
    }

    /// <summary>Inspections of the project whose rectification is required and not yet closed (they also forbid 完工).</summary>
    public static Task<int> OpenRectificationsAsync(WeishiDbContext db, int projectId, CancellationToken ct) =>
        db.Inspections.IgnoreQueryFilters().Where(i => i.ProjectId == projectId).CountAsync(Inspection.IsRectificationOpen, ct);

    /// <summary>已验收 follows a passing acceptance record (date, committee, checklist, conclusion), never a bare click.</summary>
    private static async Task<string?> RecordMissingAsync(WeishiDbContext db, int projectId, CancellationToken ct) =>
        await db.AcceptanceRecords.IgnoreQueryFilters().AnyAsync(r => r.ProjectId == projectId && r.Result != AcceptanceResult.Failed, ct)
            ? null
            : "项目须经验收小组验收：请在“组织验收”页登记验收记录，结论为通过或整改后通过时项目即为已验收";
}
