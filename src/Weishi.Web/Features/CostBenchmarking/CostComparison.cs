using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Dedup;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>A proposal against its function's norm and its similar projects.</summary>
public sealed class CostComparison(WeishiDbContext db, CostNormService norms)
{
    public const double SimilarityThreshold = 0.5;
    public const int MaxSimilar = 20;

    public sealed record Similar(CostProfile Project, double Score, bool? Confirmed, UnitCost Unit);
    public sealed record LineDriver(string Item, decimal OwnPerUnitFen, decimal MedianPerUnitFen, long ExcessFen);

    /// <param name="Flag">The expensive flag's reason: approving needs a reviewer's reason.</param>
    /// <param name="LowFlag">The cheap flag's reason: a warning of possible under-delivery.</param>
    public sealed record Result(CostProfile Project, UnitCost Unit, CostNorm? Norm, string? Flag, string? LowFlag,
        IReadOnlyList<Similar> SimilarProjects, IReadOnlyList<LineDriver> Drivers, CostApprovalReason? Reason)
    {
        public bool Flagged => Flag is not null;
        public bool Cheap => LowFlag is not null;
        /// <summary>The norm's unit (元/受益人, 元/m² …): the project's own label when the norm is in its measure.</summary>
        public string? NormLabel => Norm is null ? null : Norm.Measure == Unit.Measure ? Unit.Label : UnitCost.MeasureName(Norm.Measure);
    }

    private sealed record Head(int Id, int RegionId, int Year, string Function);

    public async Task<Result?> CompareAsync(int projectId, CancellationToken ct = default)
    {
        var own = (await CostProfile.LoadAsync(db, q => q.Where(p => p.Id == projectId), ct)).SingleOrDefault();
        if (own is null) return null;
        var unit = own.Unit;
        var rise = await norms.PriceRisePerMilleAsync(ct);
        var decisions = await DecisionsAsync(own, ct);
        var heads = await HeadsAsync(own, ct);
        var ranked = Rank(own, heads, decisions);

        // Without verdicts the precomputed norm answers; with them the norm is recomputed from its members,
        // adding the confirmed projects and leaving out the rejected ones.
        var memberIds = decisions.Count == 0 ? [] : heads
            .Where(h => h.Id != own.Id && (decisions.TryGetValue(h.Id, out var d) ? d : h.Function == own.Function))
            .Select(h => h.Id).ToList();
        var ids = ranked.Select(r => r.Id).Concat(memberIds).Distinct().ToList();
        var profiles = ids.Count == 0 ? [] : (await CostProfile.LoadAsync(db, q => q.Where(p => ids.Contains(p.Id)), ct)).ToDictionary(p => p.Id);

        var stored = await db.CostNorms.AsNoTracking().FirstOrDefaultAsync(n => n.Type == own.Type && n.Category == own.Category
            && n.Function == own.Function && n.Measure == unit.Measure && n.Year == 0, ct);
        var norm = decisions.Count == 0
            ? stored?.AtPriceLevel(own.Year, rise)
            : LearnedNorm(own, memberIds.Select(id => (profiles[id], Confirmed: decisions.GetValueOrDefault(id))), stored, rise);
        var flag = norm is not null && unit.PerUnitFen is { } perUnit
            ? OutlierRule.Check(perUnit, norm.EffectiveMedianFen, norm.Q1Fen, norm.Q3Fen) : null;

        var similar = ranked.Select(r => new Similar(profiles[r.Id], r.Score, r.Decision,
            UnitCostNormaliser.Of(unit.Measure, profiles[r.Id].Outputs, profiles[r.Id].CostFen))).ToList();
        var drivers = Drivers(own, similar.Select(s => s.Project).ToList());
        var reason = await db.CostApprovalReasons.AsNoTracking().Where(r => r.ProjectId == projectId)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        return new Result(own, unit, norm, flag is { High: true } ? flag.Reason : null, flag is { High: false } ? flag.Reason : null,
            similar, drivers, reason);
    }

    /// <summary>
    /// Staff's verdicts that apply to this project: its own, then those given for other projects of the same function
    /// (so a confirmation or rejection improves later matches); the project's own verdict wins, then the latest.
    /// Read across regions on purpose: only project ids and the verdict are used.
    /// </summary>
    private async Task<Dictionary<int, bool>> DecisionsAsync(CostProfile own, CancellationToken ct)
    {
        var rows = await db.SimilarMatches.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Project!.Type == own.Type && m.Project.Category == own.Category)
            .Select(m => new { m.ProjectId, m.SimilarProjectId, m.Confirmed, m.DecidedAtUtc, m.Project!.Name, Community = m.Project.Region!.ShortName })
            .ToListAsync(ct);
        return rows.Where(r => r.SimilarProjectId != own.Id && (r.ProjectId == own.Id || FunctionKey.Of(r.Name, r.Community) == own.Function))
            .OrderBy(r => r.ProjectId == own.Id).ThenBy(r => r.DecidedAtUtc).ThenBy(r => r.ProjectId)
            .GroupBy(r => r.SimilarProjectId).ToDictionary(g => g.Key, g => g.Last().Confirmed);
    }

    /// <summary>Every past project of the same type and category, with its function.</summary>
    private async Task<List<Head>> HeadsAsync(CostProfile own, CancellationToken ct)
    {
        var rows = await db.Projects.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Type == own.Type && p.Category == own.Category && ProjectWorkflow.Finished.Contains(p.Status))
            .Select(p => new { p.Id, p.RegionId, p.Name, Community = p.Region!.ShortName, p.Year }).ToListAsync(ct);
        return rows.Select(r => new Head(r.Id, r.RegionId, r.Year, FunctionKey.Of(r.Name, r.Community))).ToList();
    }

    /// <summary>Past projects of other communities or years with a similar function, confirmed ones first, rejected ones never.</summary>
    private static List<(int Id, double Score, bool? Decision)> Rank(CostProfile own, List<Head> heads, Dictionary<int, bool> decisions)
    {
        // Names repeat across communities, so the text similarity is computed once per distinct function.
        var scores = new Dictionary<string, double>();
        return heads.Where(h => h.Id != own.Id && (h.RegionId != own.RegionId || h.Year != own.Year))
            .Select(h =>
            {
                if (!scores.TryGetValue(h.Function, out var s))
                    scores[h.Function] = s = h.Function == own.Function ? 1.0 : TextSimilarity.Cosine(own.Function, h.Function);
                return (h.Id, h.Year, Score: s, Decision: decisions.TryGetValue(h.Id, out var d) ? d : (bool?)null);
            })
            .Where(x => x.Decision == true || (x.Decision is null && x.Score >= SimilarityThreshold))
            .OrderByDescending(x => x.Decision == true).ThenByDescending(x => x.Score).ThenByDescending(x => x.Year).ThenBy(x => x.Id)
            .Take(MaxSimilar).Select(x => (x.Id, x.Score, x.Decision)).ToList();
    }

    /// <summary>
    /// The norm over the function's past projects minus the rejected plus the confirmed ones, each at the proposal's
    /// year's prices. Same-function members count only when their main measure is the proposal's (as in the table);
    /// confirmed ones are measured in the proposal's measure. The DistrictAdmin's override still applies.
    /// </summary>
    public static CostNorm? LearnedNorm(CostProfile own, IEnumerable<(CostProfile Project, bool Confirmed)> members, CostNorm? stored, int rise)
    {
        var measure = own.Unit.Measure;
        var values = members
            .Where(m => m.Confirmed || m.Project.Unit.Measure == measure)
            .Select(m => (m.Project, Unit: UnitCostNormaliser.Of(measure, m.Project.Outputs, m.Project.CostFen)))
            .Where(m => m.Unit.Computable)
            .Select(m => CostNormService.Adjust(m.Unit.PerUnitFen!.Value, m.Project.Year, own.Year, rise)).ToList();
        var q = Quartiles.Of(values);
        if (q is null) return null;
        return new CostNorm
        {
            Type = own.Type, Category = own.Category, Function = own.Function, Measure = measure, Year = 0, Count = q.Count,
            Q1Fen = (long)Math.Round(q.Q1), MedianFen = (long)Math.Round(q.Median), Q3Fen = (long)Math.Round(q.Q3),
            OverrideMedianFen = stored?.AtPriceLevel(own.Year, rise).OverrideMedianFen, OverrideNote = stored?.OverrideNote,
            PriceYear = own.Year,
        };
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
