using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation;

public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Title, string Scope, string Period, string Tree, int TreeVersion, bool SelfEvaluation, DateTime CreatedAtUtc, string? CreatedBy);

    public List<Row> Rows { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanCreate = EvaluationAccess.CanCreate(db.Scope);
        var list = await db.Set<PerformanceEvaluation>().AsNoTracking().OrderByDescending(e => e.Id)
            .Select(e => new { e.Id, e.Title, e.ScopeKind, e.RegionIds, e.ProjectIds, e.FromYear, e.ToYear, Tree = e.Tree!.Name, e.Tree.Version, e.OwnerRegionId, e.CreatedAtUtc, e.CreatedBy })
            .Take(200).ToListAsync(ct);
        var scopes = await EvaluationScopeText.OfAsync(db, list.Select(e => new EvaluationScopeText.Subject(e.Id, e.ScopeKind, e.RegionIds, e.ProjectIds)).ToList(), ct);
        Rows = list.Select(e => new Row(e.Id, e.Title, scopes[e.Id], e.FromYear == e.ToYear ? $"{e.FromYear}" : $"{e.FromYear}—{e.ToYear}",
            e.Tree, e.Version, e.OwnerRegionId is not null, e.CreatedAtUtc, e.CreatedBy)).ToList();
    }
}
