using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Projects;

/// <summary>Moves a project along the state machine, reserving budget when it is approved, and records the decision with
/// its reason.</summary>
public sealed class ProjectTransitions(WeishiDbContext db, BudgetLedger ledger, IEnumerable<IProjectStepGuard> guards)
{
    /// <summary>Returns null on success, else the reason in Chinese; nothing is saved on refusal.</summary>
    public Task<string?> MoveAsync(int projectId, ProjectStatus to, CancellationToken ct = default) =>
        MoveAsync(projectId, to, null, ct);

    /// <summary>As above, with the officer's comment: the step's reason (a rejection's reason, the approval opinion, the
    /// completion's explanation) that the step or a guard may require. It is stored with the decision.</summary>
    public async Task<string?> MoveAsync(int projectId, ProjectStatus to, string? comment, CancellationToken ct = default)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return "项目不存在或您无权访问";
        // Illegal steps are refused for everyone; role limits do not bind the district or the system.
        var refusal = ProjectWorkflow.Refusal(project.Status, to, db.Scope.Roles);
        if (refusal is not null && (ProjectWorkflow.Find(project.Status, to) is null || !db.Scope.WriteAll))
            return refusal;

        // A step that asks for no reason keeps none, whatever the request carried.
        var step = ProjectWorkflow.Find(project.Status, to)!;
        if (step.Reason == StepReason.None) comment = null;

        foreach (var guard in guards)
            if (await guard.CheckAsync(project, to, comment, ct) is { } guardRefusal) return guardRefusal;
        if (ProjectWorkflow.ReasonRefusal(step, comment) is { } reasonRefusal) return reasonRefusal;

        if (!ProjectWorkflow.Committed.Contains(project.Status) && ProjectWorkflow.Committed.Contains(to))
        {
            var budgetRefusal = await ledger.ReserveAsync(project, ct);
            if (budgetRefusal is not null) return budgetRefusal;
        }
        foreach (var guard in guards)
            await guard.OnMovingAsync(project, project.Status, to, comment, ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        db.ProjectDecisions.Add(new ProjectDecision
        {
            ProjectId = project.Id, Project = project, From = project.Status, To = to, AtUtc = now, DecidedBy = db.Scope.UserName,
            Reason = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
        });
        project.Status = to;
        project.StatusChangedAtUtc = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "同一社区的预算正被其他审批同时占用，请刷新后重试";
        }
        return null;
    }
}
