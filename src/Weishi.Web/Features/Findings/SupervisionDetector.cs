using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// 五(二)二 过程监管缺位: few delivered projects were ever inspected, finished service projects without a single activity
/// record, and inspections that found the delivery different from the declaration.
/// </summary>
public sealed class SupervisionDetector(WeishiDbContext db, RecommendationLibrary library) : IFindingDetector
{
    /// <summary>Below this share of delivered projects inspected at least once, supervision is too thin.</summary>
    public const decimal MinInspectionCoverage = 0.5m;


    public string Type => FindingTypes.Supervision;

    public async Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct)
    {
        var s = await FindingScope.ResolveAsync(db, scope, ct);
        var projects = s.Projects(db, ProjectWorkflow.Implemented);
        var coverage = await projects.GroupBy(p => p.RegionId)
            .Select(g => new { RegionId = g.Key, Count = g.Count(), Inspected = g.Count(p => db.Inspections.Any(i => i.ProjectId == p.Id)) })
            .ToListAsync(ct);
        var noRecords = await projects.Where(p => p.Type == ProjectType.Service && ProjectWorkflow.Finished.Contains(p.Status)
                && !db.ActivitySessions.Any(a => a.ProjectId == p.Id))
            .OrderBy(p => p.Code).Select(p => new { p.Id, p.Code, p.Name, p.RegionId }).ToListAsync(ct);
        var mismatches = await projects.Where(p => db.Inspections.Any(i => i.ProjectId == p.Id && !i.ContentMatchesDeclaration))
            .OrderBy(p => p.Code)
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.RegionId,
                Findings = db.Inspections.Where(i => i.ProjectId == p.Id && !i.ContentMatchesDeclaration).OrderBy(i => i.InspectedOn).Select(i => i.Findings).FirstOrDefault(),
            }).ToListAsync(ct);

        var total = coverage.Sum(r => r.Count);
        var inspected = coverage.Sum(r => r.Inspected);
        var thin = total > 0 && inspected < total * MinInspectionCoverage;
        if (!thin && noRecords.Count == 0 && mismatches.Count == 0) return null;

        var parts = new List<string>();
        var evidence = new List<FindingEvidence>();
        if (thin)
        {
            parts.Add($"{s.Period}{s.Label}实施的 {total} 个项目中，仅 {inspected} 个（{FindingScope.Percent(inspected, total)}）有过监督检查记录，"
                + $"{total - inspected} 个项目从未被检查");
            evidence.AddRange(coverage.Where(r => r.Inspected < r.Count * MinInspectionCoverage)
                .OrderBy(r => (decimal)r.Inspected / r.Count).ThenBy(r => s.Name(r.RegionId), StringComparer.Ordinal)
                .Select(r => new FindingEvidence(s.Name(r.RegionId), $"检查覆盖 {r.Inspected} / {r.Count} 个（{FindingScope.Percent(r.Inspected, r.Count)}）",
                    s.ProjectsLink(r.RegionId, ProjectStatusFilter.Implemented))));
        }
        if (noRecords.Count > 0)
        {
            parts.Add($"{noRecords.Count} 个已完成的服务类项目没有任何活动记录");
            evidence.AddRange(noRecords.Select(p => new FindingEvidence($"{s.Name(p.RegionId)} {p.Code} {p.Name}", "已完成，无活动记录", $"/Delivery/{p.Id}")));
        }
        if (mismatches.Count > 0)
        {
            parts.Add($"{mismatches.Count} 个项目经检查发现实施内容与申报内容不一致");
            evidence.AddRange(mismatches.Select(p => new FindingEvidence($"{s.Name(p.RegionId)} {p.Code} {p.Name}", $"申报与实际不符：{p.Findings}", $"/Delivery/{p.Id}")));
        }
        var statement = string.Join("；", parts) + "。街道和社区对项目承接单位缺乏有力的过程监管。";
        return new Finding(Type, "过程监管缺位", statement, evidence, await library.TextAsync(Type, ct));
    }
}
