using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation;

/// <summary>
/// Side by side: the evaluation's tree applied to each subdistrict, community or year of its scope. Data leaves are
/// computed per unit; expert scores are the evaluation's own (the team scores the whole scope).
/// </summary>
public sealed class CompareModel(WeishiDbContext db, EvaluationScorer scorer, MetricCalculator metrics) : PageModel
{
    public sealed record Unit(string Name, ScoreSheet Sheet, IReadOnlyDictionary<string, MetricValue> Values);

    [BindProperty(SupportsGet = true)] public string By { get; set; } = "subdistrict";
    public PerformanceEvaluation Evaluation { get; private set; } = null!;
    public List<Unit> Units { get; private set; } = [];
    public List<IndicatorNode> DataLeaves { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var evaluation = await scorer.LoadAsync(id, ct);
        if (evaluation is null) return NotFound();
        Evaluation = evaluation;
        DataLeaves = evaluation.Tree!.Nodes.Where(n => n.Method == ScoringMethod.Data).OrderBy(n => n.Position).ToList();
        var scope = evaluation.ToScope();
        var units = new List<(string Name, EvaluationScope Scope)>();
        if (By == "year")
        {
            for (var y = scope.FromYear; y <= scope.ToYear; y++) units.Add(($"{y}年", scope with { FromYear = y, ToYear = y }));
        }
        else
        {
            By = By == "community" ? "community" : "subdistrict";
            var inScope = await metrics.RegionsOfAsync(scope, ct);
            var level = By == "community" ? RegionLevel.Community : RegionLevel.Subdistrict;
            var regions = await db.Regions.AsNoTracking().Where(r => r.Level == level).OrderBy(r => r.Code).ToListAsync(ct);
            var parents = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community)
                .Select(r => new { r.Id, r.ParentId }).ToListAsync(ct);
            foreach (var r in regions)
            {
                var covered = inScope.Count == 0 || inScope.Contains(r.Id)
                    || (level == RegionLevel.Subdistrict && parents.Any(c => c.ParentId == r.Id && inScope.Contains(c.Id)));
                if (covered) units.Add((level == RegionLevel.Community ? r.ShortName : r.Name, scope with { RegionIds = [r.Id] }));
            }
        }
        foreach (var (name, unitScope) in units)
        {
            var values = await metrics.ComputeAllAsync(unitScope, ct);
            Units.Add(new Unit(name, EvaluationScorer.Score(evaluation, values), values));
        }
        return Page();
    }

    public string ChartJson => System.Text.Json.JsonSerializer.Serialize(new
    {
        unit = "分",
        units = Units.Select(u => u.Name),
        series = Evaluation.Tree!.Nodes.Where(n => n.Level == 1).OrderBy(n => n.Position)
            .Select(top => new { name = top.Name, values = Units.Select(u => u.Sheet.Nodes.First(n => n.Node.Code == top.Code).Score ?? 0) })
            .Append(new { name = "总分", values = Units.Select(u => u.Sheet.Total) }),
    });
}
