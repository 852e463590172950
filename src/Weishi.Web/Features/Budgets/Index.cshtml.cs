using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Budgets;

/// <summary>
/// Each community's budget for a year, and each subdistrict's budget for its cross-community projects; the district
/// department sets district funds and the subsidy cap.
/// </summary>
public sealed class IndexModel(WeishiDbContext db, BudgetLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public int SelectedYear { get; private set; }
    public long CapFen { get; private set; }
    public IReadOnlyList<Region> Communities { get; private set; } = [];
    /// <summary>Subdistricts, whose own budget pays for projects spanning several of their communities.</summary>
    public IReadOnlyList<Region> Subdistricts { get; private set; } = [];
    public Dictionary<int, BudgetFigures> Figures { get; private set; } = [];

    /// <summary>The figures of the listed regions that have a budget or money without one (a region with neither adds nothing to a 合计).</summary>
    public IReadOnlyList<BudgetFigures> FiguresOf(IEnumerable<Region> regions) =>
        regions.Select(r => Figures.GetValueOrDefault(r.Id)).OfType<BudgetFigures>().ToList();

    /// <summary>Names of the listed regions that committed or spent money this year without a budget.</summary>
    public IReadOnlyList<string> Unbudgeted() => Communities.Concat(Subdistricts)
        .Where(r => Figures.GetValueOrDefault(r.Id) is { BudgetSet: false }).Select(r => r.ShortName).ToList();
    public bool CanEdit => db.Scope.Has(AppRole.DistrictAdmin);
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostFundsAsync(int regionId, int year, string? districtFunds)
    {
        if (!CanEdit) return Forbid();
        Year = year;
        var (fen, error) = Money.ParseYuan(districtFunds);
        var community = await db.Regions.FirstOrDefaultAsync(r => r.Id == regionId && (r.Level == RegionLevel.Community || r.Level == RegionLevel.Subdistrict));
        if (community is null) error = "请选择一个社区或街道";
        if (error is null && (year < 2000 || year > 2100)) error = "年度不正确";
        if (error is null)
        {
            var cap = await ledger.SubsidyCapAsync(year);
            var total = fen!.Value + AnnualBudget.CitySubsidy(fen.Value, cap);
            var committed = await ledger.CommittedAsync(regionId, year);
            if (total < committed)
                error = $"{community!.ShortName}已占用 {Money.Wan(committed)} 万元，年度预算不能低于已占用金额（调整后为 {Money.Wan(total)} 万元）";
        }
        if (error is not null)
        {
            Error = error;
            await LoadAsync();
            return Page();
        }
        var budget = await db.AnnualBudgets.FirstOrDefaultAsync(b => b.RegionId == regionId && b.Year == year);
        if (budget is null) db.AnnualBudgets.Add(new AnnualBudget { RegionId = regionId, Year = year, DistrictFundsFen = fen!.Value });
        else budget.DistrictFundsFen = fen!.Value;
        await db.SaveChangesAsync();
        TempData["Message"] = $"已保存{community!.ShortName} {year} 年区级资金 {Money.Yuan(fen.Value)} 元";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostCapAsync(int year, string? cap)
    {
        if (!CanEdit) return Forbid();
        Year = year;
        var (fen, error) = Money.ParseYuan(cap);
        if (error is not null)
        {
            Error = "市级补助封顶额：" + error;
            await LoadAsync();
            return Page();
        }
        var setting = await db.YearSettings.FirstOrDefaultAsync(s => s.Year == year);
        if (setting is null) db.YearSettings.Add(new YearSetting { Year = year, CitySubsidyCapFen = fen!.Value });
        else setting.CitySubsidyCapFen = fen!.Value;
        await db.SaveChangesAsync();
        TempData["Message"] = $"{year} 年市级补助封顶额已设为每社区 {Money.Wan(fen.Value)} 万元";
        return RedirectToPage(new { year });
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        var years = await db.AnnualBudgets.Select(b => b.Year).Distinct().ToListAsync(ct);
        SelectedYear = Year ?? (years.Count > 0 ? years.Max() : ChinaDate.Today(db.Time).Year);
        CapFen = await ledger.SubsidyCapAsync(SelectedYear, ct);
        var scope = db.Scope;
        Communities = (await db.Regions.AsNoTracking().Include(r => r.Parent).Where(r => r.Level == RegionLevel.Community)
            .OrderBy(r => r.Code).ToListAsync(ct)).Where(r => scope.CanRead(r.Id)).ToList();
        Subdistricts = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Subdistrict)
            .OrderBy(r => r.Code).ToListAsync(ct)).Where(r => scope.CanRead(r.Id)).ToList();
        Figures = await ledger.ForYearAsync(SelectedYear, ct);
    }
}
