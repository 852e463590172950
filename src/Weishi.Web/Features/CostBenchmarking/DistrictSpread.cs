using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>The district's evidence for 五(三)三: per function, the spread of unit costs and what paying the median would save.</summary>
public sealed class DistrictSpread(WeishiDbContext db, CostNormService norms)
{
    public sealed record Payer(string Community, int Year, string Project, decimal UnitFen);
    public sealed record Row(string Function, string Type, string Category, UnitMeasure Measure, int Count,
        decimal Min, Quartiles Q, decimal Max, long SavingFen, IReadOnlyList<Payer> TopPayers);

    /// <summary>
    /// Which projects the spread covers: a year, type and category narrow the compared projects; regions (communities)
    /// keep the district's spread as the yardstick but list only the functions those communities paid for, their own
    /// most expensive projects and what they would have saved.
    /// </summary>
    public sealed record Filter(int? Year = null, ProjectType? Type = null, ProjectCategory? Category = null, IReadOnlyCollection<int>? RegionIds = null)
    {
        public static readonly Filter None = new();
    }

    public async Task<List<Row>> ComputeAsync(Filter? filter = null, int minProjects = 5, CancellationToken ct = default)
    {
        var f = filter ?? Filter.None;
        var rise = await norms.PriceRisePerMilleAsync(ct);
        var past = await CostProfile.LoadAsync(db, q =>
        {
            q = q.Where(p => ProjectWorkflow.Finished.Contains(p.Status));
            if (f.Year is { } year) q = q.Where(p => p.Year == year);
            if (f.Type is { } type) q = q.Where(p => p.Type == type);
            if (f.Category is { } category) q = q.Where(p => p.Category == category);
            return q;
        }, ct);
        if (past.Count == 0) return [];
        var latest = past.Max(p => p.Year);
        var rows = new List<Row>();
        foreach (var g in past.Select(p => (p, u: p.Unit)).Where(x => x.u.Computable)
                     .GroupBy(x => (x.p.Type, x.p.Category, x.p.Function, x.u.Measure)))
        {
            var items = g.Select(x => (x.p, x.u, adj: CostNormService.Adjust(x.u.PerUnitFen!.Value, x.p.Year, latest, rise))).ToList();
            if (items.Count < minProjects) continue;
            var own = f.RegionIds is { } regions ? items.Where(i => regions.Contains(i.p.RegionId)).ToList() : items;
            if (own.Count == 0) continue;
            var q = Quartiles.Of(items.Select(i => i.adj))!;
            // Money saved had every (own) project above the median paid the median (in its own year's prices).
            var saving = own.Where(i => i.adj > q.Median)
                .Sum(i => (i.adj - q.Median) / (i.adj / i.u.PerUnitFen!.Value) * i.u.Denominator);
            var top = own.OrderByDescending(i => i.adj).Take(3).Select(i => new Payer(i.p.Community, i.p.Year, i.p.Name, i.adj)).ToList();
            rows.Add(new Row(g.Key.Function, Projects.ProjectNames.Type(g.Key.Type), Projects.ProjectNames.Category(g.Key.Category), g.Key.Measure,
                items.Count, items.Min(i => i.adj), q, items.Max(i => i.adj), (long)Math.Round(saving), top));
        }
        return rows.OrderByDescending(r => r.SavingFen).ToList();
    }
}
