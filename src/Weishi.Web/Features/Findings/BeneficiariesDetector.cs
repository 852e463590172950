using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// 五(三)一 服务对象固化，受益人数不达预期: community-years whose attendances go to a small circle (the top 10 % of
/// participants take a large share of sign-ins), and finished service projects that reached fewer unique people than planned.
/// </summary>
public sealed class BeneficiariesDetector(WeishiDbContext db, RecommendationLibrary library) : IFindingDetector
{
    /// <summary>Spread evenly the top 10 % take about 10 %; at this share a small circle takes the places.</summary>
    public const decimal MaxTop10Share = 0.4m;
    /// <summary>Fires when at least this share of finished service projects fell short of their target.</summary>
    public const decimal MaxShortShare = 0.2m;
    public const int MinParticipants = 20;


    public string Type => FindingTypes.Beneficiaries;

    public async Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct)
    {
        var s = await FindingScope.ResolveAsync(db, scope, ct);
        var concentrated = await ConcentratedAsync(s, ct);

        var reach = await s.Projects(db, ProjectWorkflow.Finished).Where(p => p.Type == ProjectType.Service && p.PlannedBeneficiaries > 0)
            .Select(p => new
            {
                p.RegionId, p.Year, p.PlannedBeneficiaries,
                Unique = db.Attendances.Where(a => a.ProjectId == p.Id).Select(a => a.ParticipantId).Distinct().Count(),
            })
            .GroupBy(p => new { p.RegionId, p.Year })
            .Select(g => new
            {
                g.Key.RegionId, g.Key.Year, Count = g.Count(), Short = g.Count(p => p.Unique < p.PlannedBeneficiaries),
                Planned = g.Sum(p => p.PlannedBeneficiaries), Reached = g.Sum(p => p.Unique),
            }).ToListAsync(ct);
        var projects = reach.Sum(r => r.Count);
        var shortCount = reach.Sum(r => r.Short);
        var shortfall = projects > 0 && shortCount > 0 && shortCount >= projects * MaxShortShare;
        if (concentrated.Count == 0 && !shortfall) return null;

        var parts = new List<string>();
        var evidence = new List<FindingEvidence>();
        if (concentrated.Count > 0)
        {
            var worst = concentrated[0];
            parts.Add($"{concentrated.Count} 个社区年度的服务集中在少数居民身上：参与次数最多的 10% 的人占全部签到人次的 {Display(MaxTop10Share)} 以上，"
                + $"最高为{s.Name(worst.RegionId)} {worst.Year}年的 {Display(worst.Figures.Top10Share)}");
            evidence.AddRange(concentrated.Select(c => new FindingEvidence($"{s.Name(c.RegionId)} {c.Year}年",
                $"前 10% 参与者占 {Display(c.Figures.Top10Share)} 签到人次（{c.Figures.Participants} 人，{c.Figures.Attendances} 人次，基尼系数 {c.Figures.Gini:0.000}）",
                $"/Beneficiaries/Community?regionId={c.RegionId}&year={c.Year}")));
        }
        if (shortfall)
        {
            parts.Add($"{s.Period}{s.Label}已完成的 {projects} 个服务类项目中，{shortCount} 个（{FindingScope.Percent(shortCount, projects)}）实际受益人数（去重）"
                + $"未达申报目标，合计申报 {reach.Sum(r => r.Planned)} 人、实际 {reach.Sum(r => r.Reached)} 人");
            evidence.AddRange(reach.Where(r => r.Short > 0)
                .OrderByDescending(r => (decimal)r.Short / r.Count).ThenBy(r => s.Name(r.RegionId), StringComparer.Ordinal).ThenBy(r => r.Year)
                .Select(r => new FindingEvidence($"{s.Name(r.RegionId)} {r.Year}年",
                    $"未达目标 {r.Short} / {r.Count} 个项目；申报 {r.Planned} 人，实际 {r.Reached} 人", $"/Beneficiaries/Community?regionId={r.RegionId}&year={r.Year}")));
        }
        var statement = string.Join("；", parts) + "。部分服务类项目前期招募参与者不充分，服务对象固化，覆盖面不广。";
        return new Finding(Type, "服务对象固化，受益人数不达预期", statement, evidence, await library.TextAsync(Type, ct));
    }

    private static string Display(decimal share) => Infrastructure.Web.Display.Percent(share);

    private sealed record Concentrated(int RegionId, int Year, Concentration Figures);

    /// <summary>Histograms per community-year from two GROUP BYs in the database, as the beneficiaries page does.</summary>
    private async Task<List<Concentrated>> ConcentratedAsync(FindingScope s, CancellationToken ct)
    {
        var (from, to) = (s.Scope.FromYear, s.Scope.ToYear);
        var attendances = BeneficiaryQuery.Visible(db).AsNoTracking().Where(a => a.Year >= from && a.Year <= to);
        if (s.RegionIds is { } regions) attendances = attendances.Where(a => regions.Contains(a.RegionId));
        if (s.Scope.ProjectIds.Count > 0)
        {
            var ids = s.Scope.ProjectIds.ToList();
            attendances = attendances.Where(a => ids.Contains(a.ProjectId));
        }
        var rows = await attendances.GroupBy(a => new { a.RegionId, a.Year, a.ParticipantId })
            .Select(g => new { g.Key.RegionId, g.Key.Year, Times = g.Count() })
            .GroupBy(x => new { x.RegionId, x.Year, x.Times })
            .Select(g => new { g.Key.RegionId, g.Key.Year, g.Key.Times, People = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => (r.RegionId, r.Year))
            .Select(g => new Concentrated(g.Key.RegionId, g.Key.Year, Concentration.FromHistogram(g.Select(r => (r.Times, r.People)))))
            .Where(c => c.Figures.Participants >= MinParticipants && c.Figures.Top10Share >= MaxTop10Share)
            .OrderByDescending(c => c.Figures.Top10Share).ThenBy(c => c.RegionId).ThenBy(c => c.Year).ToList();
    }
}
