using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>六(二)二's concern as a finding: works of the scope whose asset has no upkeep body or no yearly money for upkeep.</summary>
public sealed class UpkeepDetector(WeishiDbContext db, RecommendationLibrary library) : IFindingDetector
{
    public string Type => FindingTypes.Upkeep;

    public async Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct)
    {
        var s = await FindingScope.ResolveAsync(db, scope, ct);
        var works = s.Projects(db, ProjectWorkflow.Implemented).Where(p => p.Type == ProjectType.Works).Select(p => p.Id);
        var rows = await db.Assets.AsNoTracking().Where(a => a.ProjectId != null && works.Contains(a.ProjectId.Value))
            .GroupBy(a => a.RegionId)
            .Select(g => new
            {
                RegionId = g.Key,
                Count = g.Count(),
                NoBody = g.Count(a => a.UpkeepBody == UpkeepBody.None || a.UpkeepBodyName == null || a.UpkeepBodyName.Trim() == ""),
                NoMoney = g.Count(a => a.YearlyReserveFen <= 0),
            }).ToListAsync(ct);
        var total = rows.Sum(r => r.Count);
        var noBody = rows.Sum(r => r.NoBody);
        var noMoney = rows.Sum(r => r.NoMoney);
        if (noBody == 0 && noMoney == 0) return null;

        var statement = $"{s.Period}{s.Label}工程类项目形成的 {total} 处设施中，{noBody} 处（{FindingScope.Percent(noBody, total)}）未明确后续管养责任主体，"
            + $"{noMoney} 处（{FindingScope.Percent(noMoney, total)}）没有落实管养经费，工程类项目的可持续性缺乏保障。";
        var evidence = rows.Where(r => r.NoBody > 0 || r.NoMoney > 0)
            .OrderByDescending(r => (decimal)r.NoBody / r.Count).ThenBy(r => s.Name(r.RegionId), StringComparer.Ordinal)
            .Select(r => new FindingEvidence(s.Name(r.RegionId), $"无管养主体 {r.NoBody}、无管养经费 {r.NoMoney} / 设施 {r.Count} 处",
                FormattableString.Invariant($"/Maintenance?community={r.RegionId}&from={scope.FromYear}&to={scope.ToYear}&flaggedOnly=true"))).ToList();
        return new Finding(Type, "工程类项目后续管养缺位", statement, evidence, await library.TextAsync(Type, ct));
    }
}
