using Weishi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Regions;

public sealed class IndexModel(WeishiDbContext db, BudgetLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int SelectedYear { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public Region District { get; private set; } = null!;
    public IReadOnlyList<Region> Subdistricts { get; private set; } = [];
    public Dictionary<int, BudgetFigures> Budgets { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var budgetYears = await db.AnnualBudgets.Select(b => b.Year).Distinct().ToListAsync(ct);
        // A year with committed money but no budget row may be chosen too (its money shows, flagged); the latest budget year is the default.
        var committedYears = await db.Projects.Where(p => ProjectWorkflow.Committed.Contains(p.Status)).Select(p => p.Year).Distinct().ToListAsync(ct);
        Years = budgetYears.Union(committedYears).OrderDescending().ToList();
        SelectedYear = Year is { } y && Years.Contains(y) ? y : budgetYears.Count > 0 ? budgetYears.Max() : ChinaDate.Today(db.Time).Year;
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
        var scope = db.Scope;
        District = regions.Single(r => r.Level == RegionLevel.District);
        Subdistricts = regions.Where(r => r.Level == RegionLevel.Subdistrict)
            .Select(s =>
            {
                s.Children = regions.Where(c => c.ParentId == s.Id && scope.CanRead(c.Id)).ToList();
                return s;
            })
            .Where(s => s.Children.Count > 0).ToList();
        Budgets = await ledger.ForYearAsync(SelectedYear, ct);
    }

    /// <summary>The figures of a subdistrict's own cross-community projects, if it has a budget or money without one.</summary>
    public BudgetFigures? Own(Region subdistrict) => Budgets.GetValueOrDefault(subdistrict.Id);

    /// <summary>The 合计 of a subdistrict: its communities and its own cross-community projects.</summary>
    public BudgetFigures? Sum(Region subdistrict) => Sum(subdistrict.Children.Prepend(subdistrict));

    public BudgetFigures? Sum(IEnumerable<Region> regions)
    {
        var figures = regions.Select(r => Budgets.GetValueOrDefault(r.Id)).OfType<BudgetFigures>().ToList();
        return figures.Count == 0 ? null : BudgetFigures.Sum(SelectedYear, figures);
    }
}
