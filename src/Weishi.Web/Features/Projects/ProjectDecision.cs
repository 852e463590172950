using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Projects;

/// <summary>
/// One status change of a project, with who took it and the written reason the step carries (a rejection's or a
/// return's reason, the approval opinion, the explanation of a completion short of plan). Written by
/// <see cref="ProjectTransitions"/> in the same save as the status.
/// </summary>
public class ProjectDecision : IProjectChild, IAudited
{
    public const int MaxReasonLength = 500;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public ProjectStatus From { get; set; }
    public ProjectStatus To { get; set; }
    public DateTime AtUtc { get; set; }
    public required string DecidedBy { get; set; }
    public string? Reason { get; set; }

    /// <summary>The step's verb (e.g. 审核否决), or the two statuses for a move no longer in the workflow.</summary>
    public string Verb => ProjectWorkflow.Find(From, To)?.Verb ?? $"{ProjectWorkflow.Name(From)} → {ProjectWorkflow.Name(To)}";

    /// <summary>What the reason is called for this step (否决理由, 完工说明…).</summary>
    public string ReasonLabel => ProjectWorkflow.Find(From, To)?.ReasonLabel ?? "说明";

    /// <summary>The subdistrict's approval after publicity (公示期满，开始实施): its reason is the approval opinion. A project
    /// passes this step at most once, as no step leads back to 公示中.</summary>
    public static readonly Expression<Func<ProjectDecision, bool>> IsApproval =
        d => d.From == ProjectStatus.Publicity && d.To == ProjectStatus.InProgress;

    /// <summary>The latest decision that brought the project to the status (e.g. how it was marked 已完工), or null.
    /// Read through the user's scope.</summary>
    public static Task<ProjectDecision?> LatestToAsync(WeishiDbContext db, int projectId, ProjectStatus to, CancellationToken ct) =>
        db.ProjectDecisions.AsNoTracking().Where(d => d.ProjectId == projectId && d.To == to).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
}
