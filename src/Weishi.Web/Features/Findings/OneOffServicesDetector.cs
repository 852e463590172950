using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>五(二)二: more than half of the service projects are 一次性服务类项目.</summary>
public sealed class OneOffServicesDetector(WeishiDbContext db, RecommendationLibrary library) : IFindingDetector
{
    public string Type => FindingTypes.OneOff;

    public async Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct)
    {
        var s = await FindingScope.ResolveAsync(db, scope, ct);
        var rows = await s.Projects(db, ProjectWorkflow.Committed).Where(p => p.Type == ProjectType.Service)
            .GroupBy(p => p.RegionId)
            .Select(g => new { RegionId = g.Key, Count = g.Count(), OneOff = g.Count(p => p.IsOneOff) })
            .ToListAsync(ct);
        var total = rows.Sum(r => r.Count);
        var oneOff = rows.Sum(r => r.OneOff);
        if (total == 0 || oneOff * 2 <= total) return null;

        var evidence = rows.Where(r => r.OneOff * 2 > r.Count)
            .OrderByDescending(r => (decimal)r.OneOff / r.Count).ThenBy(r => s.Name(r.RegionId), StringComparer.Ordinal)
            .Select(r => new FindingEvidence(s.Name(r.RegionId), $"一次性 {r.OneOff} / 服务类 {r.Count} 个（{FindingScope.Percent(r.OneOff, r.Count)}）",
                s.ProjectsLink(r.RegionId, ProjectStatusFilter.Committed, ProjectType.Service)))
            .ToList();
        var statement = $"{s.Period}{s.Label}共实施服务类项目 {total} 个，其中一次性服务类项目 {oneOff} 个，占 {FindingScope.Percent(oneOff, total)}，"
            + $"超过半数；{evidence.Count} 个社区一次性项目过半。一次性项目缺乏持续服务，若过程管理不到位，服务深度与效果难以保障。";
        return new Finding(Type, "超半数服务类项目为一次性服务", statement, evidence, await library.TextAsync(Type, ct));
    }
}
