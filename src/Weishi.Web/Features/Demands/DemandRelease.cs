using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demands;

/// <summary>
/// A project withdrawn or rejected gives its needs back: they return to 已受理, unlinked, with the reason shown to the
/// resident (quoting the rejection's written reason), so that another proposal can take them up (a need linked to a dead project was offered to none and told the
/// resident 已转为项目).
/// </summary>
public sealed class DemandRelease(WeishiDbContext db) : IProjectStepGuard
{
    public Task<string?> CheckAsync(Project project, ProjectStatus to, string? comment, CancellationToken ct) => Task.FromResult<string?>(null);

    public async Task OnMovingAsync(Project project, ProjectStatus from, ProjectStatus to, string? comment, CancellationToken ct)
    {
        if (to is not (ProjectStatus.Withdrawn or ProjectStatus.Rejected)) return;
        var now = db.Time.GetUtcNow().UtcDateTime;
        var outcome = to == ProjectStatus.Withdrawn ? "已撤回" : "未获通过";
        // The rejection's reason is told to the resident as it was written (the form says it will be).
        if (!string.IsNullOrWhiteSpace(comment)) outcome += $"（理由：{comment.Trim()}）";
        foreach (var demand in await db.Demands.Where(d => d.ProjectId == project.Id).ToListAsync(ct))
        {
            demand.ProjectId = null;
            demand.Status = DemandStatus.Accepted;
            demand.StatusReason = $"原关联项目“{project.Name}”{outcome}，需求重新受理，可纳入其他项目";
            demand.StatusChangedAtUtc = now;
        }
    }
}
