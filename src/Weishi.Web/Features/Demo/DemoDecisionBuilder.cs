using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// The 办理记录 of the demo's projects, which are seeded in their final status: the steps that status implies (ADR 019),
/// each taken by the demo account whose role takes it — the community's worker, or the officer of its subdistrict —
/// from a few days after the project was created, publicity lasting its 7 days, to the last step on the day the
/// project's status last changed. Rejected proposals were turned down by the community's review with one of the usual
/// reasons. Runs last, over every project without decisions; statuses, dates and money stay as they are. Uses its own
/// seeded Random so the other builders' draws are unchanged.
/// </summary>
public sealed class DemoDecisionBuilder(WeishiDbContext db)
{
    public static readonly string[] RejectionReasons =
    [
        "超出民生微实事资助范围，已转交相关部门",
        "与本社区已立项项目重复",
        "预算超出社区年度剩余额度",
    ];

    private static readonly string[] ApprovalOpinions =
    [
        "经公示无异议，同意实施",
        "公示期满无异议，同意实施，请按申报内容组织实施",
        "同意实施，请社区加强过程监督",
    ];

    private static readonly ProjectStatus[] Forward =
    [
        ProjectStatus.Draft, ProjectStatus.Submitted, ProjectStatus.CommunityReview, ProjectStatus.SubdistrictReview,
        ProjectStatus.Publicity, ProjectStatus.InProgress, ProjectStatus.Completed, ProjectStatus.Accepted,
    ];

    public async Task BuildAsync(CancellationToken ct)
    {
        var rng = new Random(DemoSeeder.Seed + 50);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status != ProjectStatus.Draft && !db.ProjectDecisions.IgnoreQueryFilters().Any(d => d.ProjectId == p.Id))
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.RegionId, p.Status, p.CreatedAtUtc, p.StatusChangedAtUtc }).ToListAsync(ct);

        var decisions = new List<ProjectDecision>(projects.Count * 7);
        foreach (var p in projects)
        {
            var region = regions[p.RegionId];
            var subdistrict = region.Level == RegionLevel.Community && region.ParentId is { } parent ? regions[parent] : region;
            var community = region.Level == RegionLevel.Community ? DemoAccounts.CommunityUser(region.Abbr) : DemoAccounts.SubdistrictUser(region.Abbr);
            var officer = DemoAccounts.SubdistrictUser(subdistrict.Abbr);

            var path = Path(p.Status);
            var times = Times(path, p.CreatedAtUtc, p.StatusChangedAtUtc, rng);
            for (var i = 1; i < path.Count; i++)
            {
                var step = ProjectWorkflow.Find(path[i - 1], path[i])!;
                decisions.Add(new ProjectDecision
                {
                    ProjectId = p.Id, From = step.From, To = step.To, AtUtc = times[i],
                    DecidedBy = step.Roles.Contains(AppRole.CommunityStaff) ? community : officer,
                    Reason = step.To == ProjectStatus.Rejected ? RejectionReasons[rng.Next(RejectionReasons.Length)]
                        : step.From == ProjectStatus.Publicity && step.To == ProjectStatus.InProgress ? ApprovalOpinions[rng.Next(ApprovalOpinions.Length)]
                        : null,
                });
            }
        }
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.ProjectDecisions.AddRange(decisions);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>The statuses from 草稿 to the project's: forward along the workflow, a rejection by the community's review,
    /// a withdrawal of the draft.</summary>
    private static List<ProjectStatus> Path(ProjectStatus status) => status switch
    {
        ProjectStatus.Rejected => [ProjectStatus.Draft, ProjectStatus.Submitted, ProjectStatus.CommunityReview, ProjectStatus.Rejected],
        ProjectStatus.Withdrawn => [ProjectStatus.Draft, ProjectStatus.Withdrawn],
        _ => Forward.Take(Array.IndexOf(Forward, status) + 1).ToList(),
    };

    /// <summary>When each status of the path was reached: the first at creation, the last when the status last changed,
    /// those between a few days apart (publicity its 7 days, completion shortly before acceptance), squeezed to fit.</summary>
    private static DateTime[] Times(List<ProjectStatus> path, DateTime created, DateTime last, Random rng)
    {
        var times = new DateTime[path.Count];
        times[0] = created;
        for (var i = 1; i < path.Count - 1; i++)
            times[i] = times[i - 1].AddDays(path[i - 1] == ProjectStatus.Publicity ? 7 + rng.Next(3) : 1 + rng.Next(6)).AddHours(rng.Next(7));
        // 已完工 shortly before 已验收, not a few days into the year.
        if (path.Count > 2 && path[^2] == ProjectStatus.Completed)
            times[^2] = Later(times[^3], last.AddDays(-3 - rng.Next(8)));
        times[^1] = last;
        var span = last - created;
        var used = times[^2] - created;
        if (path.Count > 2 && used >= span)
            for (var i = 1; i < path.Count - 1; i++)
                times[i] = created + (times[i] - created) * (span / (used + TimeSpan.FromDays(1)));
        return times;
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a.AddDays(1) : b;
}
