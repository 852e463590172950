using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation.Trees;

/// <summary>The indicator trees, read only: the shipped ones are added at start-up (<see cref="DefaultTrees"/>), not by viewing.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public List<IndicatorTree> Trees { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = db.Scope.Has(AppRole.FinanceEvaluator);
        Trees = await db.Set<IndicatorTree>().AsNoTracking().OrderBy(t => t.Kind).ThenByDescending(t => t.Version).ToListAsync(ct);
    }
}
