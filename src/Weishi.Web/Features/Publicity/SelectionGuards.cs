using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Publicity;

/// <summary>
/// The rules of issue 5 on the state machine: no 街道审核 and no 公示中 without a council rubric score; no 实施中
/// without a finished publicity period and every objection answered. The subdistrict's written approval opinion is the
/// step's required reason (<see cref="ProjectWorkflow"/>), stored with its <see cref="ProjectDecision"/> like any other.
/// </summary>
public sealed class SelectionGuards(WeishiDbContext db) : IProjectStepGuard
{
    public async Task<string?> CheckAsync(Project project, ProjectStatus to, string? comment, CancellationToken ct)
    {
        // Checked on the way into 街道审核 too: the council scores only projects at 已申报 or 社区评议, so one sent on
        // unscored could never be scored and would be stuck before publicity.
        if (to == ProjectStatus.SubdistrictReview && project.Status != ProjectStatus.SubdistrictReview
            && !await IsScoredAsync(project.Id, ct))
            return "项目还没有议事会按筛选标准评分，不能报街道审核；请先在议事会会议中评分";
        if (to == ProjectStatus.Publicity && project.Status != ProjectStatus.Publicity && !await IsScoredAsync(project.Id, ct))
            return "项目还没有议事会按筛选标准评分，不能进入公示"
                + (project.Status == ProjectStatus.SubdistrictReview ? "；可“退回社区评议”，由议事会评分后再报街道审核" : "");
        if (to == ProjectStatus.InProgress && project.Status == ProjectStatus.Publicity)
        {
            var notice = await db.PublicityNotices.AsNoTracking().Where(n => n.ProjectId == project.Id)
                .OrderByDescending(n => n.Id).FirstOrDefaultAsync(ct);
            if (notice is null) return "项目未经公示，不能开始实施";
            if (db.Time.GetUtcNow().UtcDateTime < notice.EndsAtUtc)
                return $"公示期尚未结束（至 {Infrastructure.Web.Display.Time(notice.EndsAtUtc)}），不能开始实施";
            var open = await db.Objections.CountAsync(o => o.ProjectId == project.Id && o.AnsweredAtUtc == null, ct);
            if (open > 0) return $"还有 {open} 条公示异议未答复，不能审批";
        }
        return null;
    }

    /// <summary>Whether a council member present at the meeting scored the project by the screening criteria.</summary>
    private Task<bool> IsScoredAsync(int projectId, CancellationToken ct) =>
        db.CouncilScoreSheets.IgnoreQueryFilters().AnyAsync(s => s.ProjectId == projectId && s.Member!.Present, ct);

    public async Task OnMovingAsync(Project project, ProjectStatus from, ProjectStatus to, string? comment, CancellationToken ct)
    {
        if (to == ProjectStatus.Publicity && from != ProjectStatus.Publicity)
        {
            var now = db.Time.GetUtcNow().UtcDateTime;
            var days = await db.PublicitySettings.Where(s => s.Year == project.Year).Select(s => (int?)s.Days).FirstOrDefaultAsync(ct)
                ?? PublicityNotice.DefaultDays;
            db.PublicityNotices.Add(new PublicityNotice { ProjectId = project.Id, StartsAtUtc = now, EndsAtUtc = now.AddDays(days), Days = days });
        }
    }
}
