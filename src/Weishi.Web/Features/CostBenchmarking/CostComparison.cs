using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Dedup;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>A proposal against its function's norm and its similar projects.</summary>
public sealed class CostComparison(WeishiDbContext db)
{
    public const double SimilarityThreshold = 0.5;
    public const int MaxSimilar = 20;

    public sealed record Similar(CostProfile Project, double Score, bool? Confirmed, UnitCost Unit);
    public sealed record LineDriver(string Item, decimal OwnPerUnitFen, decimal MedianPerUnitFen, long ExcessFen);

    public sealed record Result(CostProfile Project, UnitCost Unit, CostNorm? Norm, string? Flag,
        IReadOnlyList<Similar> SimilarProjects, IReadOnlyList<LineDriver> Drivers, CostApprovalReason? Reason)
    {
        public bool Flagged => Flag is not null;
    }

    public async Task<Result?> CompareAsync(int projectId, CancellationToken ct = default)
    {
        var own = (await CostProfile.LoadAsync(db, q => q.Where(p => p.Id == projectId), ct)).SingleOrDefault();
        if (own is null) return null;
        var unit = own.Unit;
        var function = own.Function;
        var norm = await db.CostNorms.AsNoTracking().FirstOrDefaultAsync(n => n.Type == own.Type && n.Category == own.Category
            && n.Function == function && n.Measure == unit.Measure && n.Year == 0, ct);
        string? flag = null;
        if (norm is not null && unit.PerUnitFen is { } perUnit)
            flag = OutlierRule.Reason(perUnit, norm.EffectiveMedianFen, norm.Q1Fen, norm.Q3Fen);

        var similar = await SimilarAsync(own, ct);
        var drivers = Drivers(own, similar.Where(s => s.Confirmed != false).Select(s => s.Project).ToList());
        var reason = await db.CostApprovalReasons.AsNoTracking().Where(r => r.ProjectId == projectId)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return new Result(own, unit, norm, flag, similar, drivers, reason);
    }

    /// <summary>Past projects of other communities or years with the same type, category and a similar function.</summary>
    public async Task<List<Similar>> SimilarAsync(CostProfile own, CancellationToken ct)
    {
        var decisions = await db.SimilarMatches.AsNoTracking().Where(m => m.ProjectId == own.Id)
            .ToDictionaryAsync(m => m.SimilarProjectId, m => m.Confirmed, ct);
        var heads = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Type == own.Type && p.Category == own.Category && p.Id != own.Id
                && CostProfile.Past.Contains(p.Status) && (p.RegionId != own.RegionId || p.Year != own.Year))
            .Select(p => new { p.Id, p.Name, Community = p.Region!.ShortName, p.Year }).ToListAsync(ct);
        // Names repeat across communities, so the text similarity is computed once per distinct function.
        var scores = new Dictionary<string, double>();
        var ranked = heads.Select(h =>
            {
                var f = FunctionKey.Of(h.Name, h.Community);
                if (!scores.TryGetValue(f, out var s))
                    scores[f] = s = f == own.Function ? 1.0 : TextSimilarity.Cosine(own.Function, f);
                return (h.Id, h.Year, Score: s, Decision: decisions.TryGetValue(h.Id, out var d) ? d : (bool?)null);
            })
            .Where(x => x.Decision == true || (x.Decision is null && x.Score >= SimilarityThreshold))
            .OrderByDescending(x => x.Decision == true).ThenByDescending(x => x.Score).ThenByDescending(x => x.Year).ThenBy(x => x.Id)
            .Take(MaxSimilar).ToList();
        var ids = ranked.Select(r => r.Id).ToList();
        var profiles = (await CostProfile.LoadAsync(db, q => q.Where(p => ids.Contains(p.Id)), ct)).ToDictionary(p => p.Id);
        return ranked.Select(r =>
        {
            var p = profiles[r.Id];
            return new Similar(p, r.Score, r.Decision, UnitCostNormaliser.Of(own.Unit.Measure, p.Outputs, p.CostFen));
        }).ToList();
    }

    /// <summary>The cost lines whose amount per unit of output exceeds the similar projects' median for the same item.</summary>
    public static List<LineDriver> Drivers(CostProfile own, IReadOnlyList<CostProfile> similar)
    {
        var measure = own.Unit.Measure;
        var denominator = own.Unit.Denominator;
        if (denominator <= 0) return [];
        var result = new List<LineDriver>();
        foreach (var line in own.Lines.GroupBy(l => l.Item))
        {
            var peers = similar.Select(s => (s, d: UnitCostNormaliser.Of(measure, s.Outputs, 0).Denominator))
                .Where(x => x.d > 0 && x.s.Lines.Any(l => l.Item == line.Key))
                .Select(x => x.s.Lines.Where(l => l.Item == line.Key).Sum(l => l.AmountFen) / x.d).ToList();
            if (peers.Count == 0) continue;
            var median = Quartiles.Of(peers)!.Median;
            var mine = line.Sum(l => l.AmountFen) / denominator;
            if (mine > median)
                result.Add(new LineDriver(line.Key, Math.Round(mine), Math.Round(median), (long)Math.Round((mine - median) * denominator)));
        }
        return result.OrderByDescending(d => d.ExcessFen).ToList();
    }
}
