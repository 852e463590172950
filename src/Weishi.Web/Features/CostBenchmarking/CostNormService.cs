using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>Precomputes the unit-cost norms table from past projects, keeping the DistrictAdmin's overrides.</summary>
public sealed class CostNormService(WeishiDbContext db)
{
    public async Task<int> PriceRisePerMilleAsync(CancellationToken ct) =>
        await db.CostSettings.OrderBy(s => s.Id).Select(s => (int?)s.PriceRisePerMille).FirstOrDefaultAsync(ct) ?? 0;

    /// <summary>Brings a unit cost of <paramref name="year"/> to the price level of <paramref name="toYear"/>.</summary>
    public static decimal Adjust(decimal unitFen, int year, int toYear, int risePerMille) =>
        unitFen * (decimal)Math.Pow(1 + risePerMille / 1000.0, toYear - year);

    public async Task RefreshAsync(CancellationToken ct = default)
    {
        var rise = await PriceRisePerMilleAsync(ct);
        var past = await CostProfile.LoadAsync(db, q => q.Where(p => ProjectWorkflow.Finished.Contains(p.Status)), ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var latest = past.Count == 0 ? 0 : past.Max(p => p.Year);
        var computed = new Dictionary<(ProjectType, ProjectCategory, string, UnitMeasure, int), Quartiles>();
        foreach (var g in past.Select(p => (p, u: p.Unit)).Where(x => x.u.Computable)
                     .GroupBy(x => (x.p.Type, x.p.Category, x.p.Function, x.u.Measure)))
        {
            var (type, category, function, measure) = g.Key;
            foreach (var y in g.GroupBy(x => x.p.Year))
                computed[(type, category, function, measure, y.Key)] = Quartiles.Of(y.Select(x => x.u.PerUnitFen!.Value))!;
            computed[(type, category, function, measure, 0)] =
                Quartiles.Of(g.Select(x => Adjust(x.u.PerUnitFen!.Value, x.p.Year, latest, rise)))!;
        }
        var existing = await db.CostNorms.ToListAsync(ct);
        foreach (var n in existing)
            if (!computed.ContainsKey((n.Type, n.Category, n.Function, n.Measure, n.Year)) && n.OverrideMedianFen is null)
                db.CostNorms.Remove(n);
        var byKey = existing.ToDictionary(n => (n.Type, n.Category, n.Function, n.Measure, n.Year));
        foreach (var (key, q) in computed)
        {
            if (!byKey.TryGetValue(key, out var norm))
            {
                norm = new CostNorm { Type = key.Item1, Category = key.Item2, Function = key.Item3, Measure = key.Item4, Year = key.Item5 };
                db.CostNorms.Add(norm);
            }
            norm.Count = q.Count;
            norm.Q1Fen = (long)Math.Round(q.Q1);
            norm.MedianFen = (long)Math.Round(q.Median);
            norm.Q3Fen = (long)Math.Round(q.Q3);
            norm.PriceYear = key.Item5 == 0 ? latest : key.Item5;
            norm.ComputedAtUtc = now;
        }
        var quiet = db.SuppressRowAudit;
        db.SuppressRowAudit = true;
        await db.SaveChangesAsync(ct);
        db.SuppressRowAudit = quiet;
    }

    /// <summary>Recomputes when a project has been accepted since the last run, so the table maintains itself.</summary>
    public async Task EnsureFreshAsync(CancellationToken ct = default)
    {
        var computedAt = await db.CostNorms.MaxAsync(n => (DateTime?)n.ComputedAtUtc, ct);
        var lastChange = await db.Projects.IgnoreQueryFilters().Where(p => ProjectWorkflow.Finished.Contains(p.Status))
            .MaxAsync(p => (DateTime?)p.StatusChangedAtUtc, ct);
        if (computedAt is null || (lastChange is not null && lastChange > computedAt)) await RefreshAsync(ct);
    }
}
