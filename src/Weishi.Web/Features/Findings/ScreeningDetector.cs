using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// 五(二)一 项目筛选标准不明确: approved projects that no council member scored with the rubric, and selections that
/// departed from the ranking without a written reason.
/// </summary>
public sealed class ScreeningDetector(WeishiDbContext db, RecommendationLibrary library) : IFindingDetector
{
    public string Type => FindingTypes.Screening;

    public async Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct)
    {
        var s = await FindingScope.ResolveAsync(db, scope, ct);
        var unscored = await s.Projects(db, ProjectWorkflow.Committed).GroupBy(p => p.RegionId)
            .Select(g => new { RegionId = g.Key, Count = g.Count(), Unscored = g.Count(p => !db.CouncilScoreSheets.Any(x => x.ProjectId == p.Id)) })
            .ToListAsync(ct);
        var all = s.Projects(db, null).Select(p => p.Id);
        var overrides = await db.SelectionDecisions.AsNoTracking()
            .Where(d => all.Contains(d.ProjectId) && d.Selected != d.SelectedByRule)
            .Join(db.SelectionRuns.AsNoTracking().Where(r => r.OverrideReason == null || r.OverrideReason.Trim() == ""),
                d => d.RunId, r => r.Id, (d, r) => new { d.ProjectId, d.Selected, d.Project!.Code, d.Project.Name, d.Project.RegionId })
            .OrderBy(x => x.Code).ToListAsync(ct);

        var total = unscored.Sum(r => r.Count);
        var missing = unscored.Sum(r => r.Unscored);
        if (missing == 0 && overrides.Count == 0) return null;

        var parts = new List<string>();
        var evidence = new List<FindingEvidence>();
        if (missing > 0)
        {
            parts.Add($"{s.Period}{s.Label}立项 {total} 个项目中，{missing} 个（{FindingScope.Percent(missing, total)}）没有居民议事会按筛选标准评分的记录，"
                + "项目多依据街道或社区自身工作职责、考核任务选定");
            evidence.AddRange(unscored.Where(r => r.Unscored > 0)
                .OrderByDescending(r => (decimal)r.Unscored / r.Count).ThenBy(r => s.Name(r.RegionId), StringComparer.Ordinal)
                .Select(r => new FindingEvidence(s.Name(r.RegionId), $"无评分 {r.Unscored} / {r.Count} 个（{FindingScope.Percent(r.Unscored, r.Count)}）",
                    s.ProjectsLink(r.RegionId, ProjectStatusFilter.Committed))));
        }
        if (overrides.Count > 0)
        {
            parts.Add($"{overrides.Count} 个项目的入选结果与按排序规则得出的结果不同，且未说明理由");
            evidence.AddRange(overrides.Select(o => new FindingEvidence($"{s.Name(o.RegionId)} {o.Code} {o.Name}",
                o.Selected ? "排序未入选，实际入选，未说明理由" : "排序入选，实际未入选，未说明理由", $"/Projects/Detail/{o.ProjectId}")));
        }
        var statement = string.Join("；", parts) + "。项目筛选标准不明确。";
        return new Finding(Type, "项目筛选标准不明确", statement, evidence, await library.TextAsync(Type, ct));
    }
}
