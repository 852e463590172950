using Weishi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
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
        Years = await db.AnnualBudgets.Select(b => b.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        SelectedYear = Year is { } y && Years.Contains(y) ? y : Years.FirstOrDefault(ChinaDate.Today(db.Time).Year);
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

    public BudgetFigures? Sum(IEnumerable<Region> communities)
    {
        var figures = communities.Select(c => Budgets.GetValueOrDefault(c.Id)).OfType<BudgetFigures>().ToList();
        return figures.Count == 0 ? null : new BudgetFigures(0, SelectedYear, figures.Sum(f => f.DistrictFundsFen),
            figures.Sum(f => f.CitySubsidyFen), figures.Sum(f => f.CommittedFen), figures.Sum(f => f.SpentFen));
    }
}
