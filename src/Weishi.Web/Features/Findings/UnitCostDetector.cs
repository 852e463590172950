using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.CostBenchmarking;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// 五(三)三 功能相似项目资金投入差异大: finished projects of the scope whose unit cost is an outlier (the cost
/// benchmarking rule) among the district's projects of the same function, measure and period.
/// </summary>
public sealed class UnitCostDetector(WeishiDbContext db, RecommendationLibrary library) : IFindingDetector
{
    public const int MinPeers = 3;
    public const int MaxEvidence = 50;

    public string Type => FindingTypes.UnitCost;

    public async Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct)
    {
        var s = await FindingScope.ResolveAsync(db, scope, ct);
        var mine = (await s.Projects(db, ProjectWorkflow.Finished).Select(p => p.Id).ToListAsync(ct)).ToHashSet();
        if (mine.Count == 0) return null;
        var (from, to) = (scope.FromYear, scope.ToYear);
        // Compared with every community's projects of the period: names and unit costs are public (see CostProfile).
        var peers = await CostProfile.LoadAsync(db, q => q.Where(p => p.Year >= from && p.Year <= to && ProjectWorkflow.Finished.Contains(p.Status)), ct);

        var groups = 0;
        decimal widest = 0;
        var flagged = new List<(CostProfile Project, decimal Unit, Quartiles Q, int Count, string Reason)>();
        foreach (var g in peers.Select(p => (p, u: p.Unit)).Where(x => x.u.Computable)
                     .GroupBy(x => (x.p.Type, x.p.Category, x.p.Function, x.u.Measure)))
        {
            var items = g.ToList();
            if (items.Count < MinPeers) continue;
            var q = Quartiles.Of(items.Select(i => i.u.PerUnitFen!.Value))!;
            var hits = items.Where(i => mine.Contains(i.p.Id))
                .Select(i => (i.p, Unit: i.u.PerUnitFen!.Value, Reason: OutlierRule.Reason(i.u.PerUnitFen!.Value, q.Median, q.Q1, q.Q3)))
                .Where(x => x.Reason is not null).ToList();
            if (hits.Count == 0) continue;
            groups++;
            var min = items.Min(i => i.u.PerUnitFen!.Value);
            if (min > 0) widest = Math.Max(widest, items.Max(i => i.u.PerUnitFen!.Value) / min);
            flagged.AddRange(hits.Select(h => (h.p, h.Unit, q, items.Count, h.Reason!)));
        }
        if (flagged.Count == 0) return null;

        var ordered = flagged.OrderByDescending(f => f.Q.Median > 0 ? f.Unit / f.Q.Median : 0).ThenBy(f => f.Project.Code).ToList();
        var statement = $"{s.Period}{s.Label}有 {flagged.Count} 个已完成项目的单位成本明显高于全区同功能项目（涉及 {groups} 类功能），"
            + (widest > 0 ? $"同类项目单位成本最高为最低的 {widest:0.0} 倍，" : "")
            + $"按中位数计算可节约 {Money.Yuan(flagged.Sum(f => (long)Math.Round((f.Unit - f.Q.Median) * f.Project.Unit.Denominator)))} 元。功能相同的项目资源投入差异较大。"
            + (flagged.Count > MaxEvidence ? $"下表列出差异最大的 {MaxEvidence} 个。" : "");
        var evidence = ordered.Take(MaxEvidence).Select(f => new FindingEvidence(
            $"{f.Project.Community} {f.Project.Year}年 {f.Project.Name}",
            $"{Show(f.Unit, f.Project.Unit.Measure)}，同类 {f.Count} 个项目中位数 {Show(f.Q.Median, f.Project.Unit.Measure)}（{f.Reason}）",
            $"/CostBenchmarking/Project/{f.Project.Id}")).ToList();
        return new Finding(Type, "功能相似项目单位成本差异大", statement, evidence, await library.TextAsync(Type, ct));
    }

    private static string Show(decimal fen, UnitMeasure measure) => $"{Money.Yuan(fen)} {UnitCost.MeasureName(measure)}";
}
