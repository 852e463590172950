using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.Budgets;

/// <param name="BudgetSet">False for a region that committed or spent money in a year without a budget row for it
/// (预算未设置): its money still shows and counts in every 合计.</param>
public sealed record BudgetFigures(int RegionId, int Year, long DistrictFundsFen, long CitySubsidyFen, long CommittedFen, long SpentFen,
    bool BudgetSet = true)
{
    public long TotalFen => DistrictFundsFen + CitySubsidyFen;
    /// <summary>What may still be committed; never below zero, also where more was committed than the budget holds.</summary>
    public long AvailableFen => Math.Max(0, TotalFen - CommittedFen);
    public decimal ExecutionRate => TotalFen == 0 ? 0 : (decimal)SpentFen / TotalFen;
    /// <summary>More committed or spent than the budget holds (always so for money without a budget).</summary>
    public bool OverBudget => CommittedFen > TotalFen || SpentFen > TotalFen;

    /// <summary>
    /// The 合计 of several budgets of a year, summed in 分 (its execution rate is the total's, not a mean of rates);
    /// the money of regions without a budget is in it, their budget counting as zero.
    /// </summary>
    public static BudgetFigures Sum(int year, IEnumerable<BudgetFigures> figures)
    {
        var list = figures.ToList();
        return new BudgetFigures(0, year, list.Sum(f => f.DistrictFundsFen), list.Sum(f => f.CitySubsidyFen),
            list.Sum(f => f.CommittedFen), list.Sum(f => f.SpentFen));
    }

    /// <summary>Whether some column of these budgets, each rounded to 0.01 万元, does not add up to the rounded 合计.</summary>
    public static bool RoundingShows(IReadOnlyCollection<BudgetFigures> figures) =>
        Money.WanPartsMissTotal(figures.Select(f => f.DistrictFundsFen)) || Money.WanPartsMissTotal(figures.Select(f => f.CitySubsidyFen))
        || Money.WanPartsMissTotal(figures.Select(f => f.TotalFen)) || Money.WanPartsMissTotal(figures.Select(f => f.CommittedFen))
        || Money.WanPartsMissTotal(figures.Select(f => f.SpentFen));
}

/// <summary>Derives committed and spent money from projects and disbursements, and guards commitments.</summary>
public sealed class BudgetLedger(WeishiDbContext db)
{
    public async Task<long> SubsidyCapAsync(int year, CancellationToken ct = default) =>
        await db.YearSettings.Where(s => s.Year == year).Select(s => (long?)s.CitySubsidyCapFen).FirstOrDefaultAsync(ct)
        ?? YearSetting.DefaultSubsidyCapFen;

    /// <summary>
    /// Figures of every budget the user may see for a year, keyed by region, and of every region the user may see that
    /// committed or spent money that year without a budget (<see cref="BudgetFigures.BudgetSet"/> false).
    /// </summary>
    public async Task<Dictionary<int, BudgetFigures>> ForYearAsync(int year, CancellationToken ct = default)
    {
        var cap = await SubsidyCapAsync(year, ct);
        var budgets = await db.AnnualBudgets.AsNoTracking().Where(b => b.Year == year)
            .Select(b => new { b.RegionId, b.DistrictFundsFen }).ToListAsync(ct);
        var committed = await db.BudgetLines.AsNoTracking()
            .Where(l => l.Project!.Year == year && ProjectWorkflow.Committed.Contains(l.Project.Status))
            .GroupBy(l => l.Project!.RegionId)
            .Select(g => new { RegionId = g.Key, Fen = g.Sum(l => l.AmountFen) }).ToDictionaryAsync(x => x.RegionId, x => x.Fen, ct);
        var spent = await db.Disbursements.AsNoTracking()
            .Where(d => d.Project!.Year == year)
            .GroupBy(d => d.Project!.RegionId)
            .Select(g => new { RegionId = g.Key, Fen = g.Sum(d => d.AmountFen) }).ToDictionaryAsync(x => x.RegionId, x => x.Fen, ct);
        var figures = budgets.ToDictionary(b => b.RegionId, b => new BudgetFigures(
            b.RegionId, year, b.DistrictFundsFen, AnnualBudget.CitySubsidy(b.DistrictFundsFen, cap),
            committed.GetValueOrDefault(b.RegionId), spent.GetValueOrDefault(b.RegionId)));
        // Contractors read the money of their own projects, not the regions' budgets: only regions in the user's scope.
        var scope = db.Scope;
        foreach (var regionId in committed.Keys.Union(spent.Keys).Where(id => !figures.ContainsKey(id) && scope.CanRead(id)))
            figures[regionId] = new BudgetFigures(regionId, year, 0, 0, committed.GetValueOrDefault(regionId), spent.GetValueOrDefault(regionId), BudgetSet: false);
        return figures;
    }

    public async Task<long> CommittedAsync(int regionId, int year, CancellationToken ct = default) =>
        await db.BudgetLines
            .Where(l => l.Project!.RegionId == regionId && l.Project.Year == year && ProjectWorkflow.Committed.Contains(l.Project.Status))
            .SumAsync(l => l.AmountFen, ct);

    /// <summary>
    /// Checks that the project fits the remaining budget and bumps the budget's version, so that of two
    /// approvals racing for the same money only one can save. Returns the refusal in Chinese, or null.
    /// </summary>
    public async Task<string?> ReserveAsync(Project project, CancellationToken ct = default)
    {
        var budget = await db.AnnualBudgets.FirstOrDefaultAsync(b => b.RegionId == project.RegionId && b.Year == project.Year, ct);
        if (budget is null) return $"{project.Year}年度预算尚未下达，不能占用预算";
        var total = budget.DistrictFundsFen + AnnualBudget.CitySubsidy(budget.DistrictFundsFen, await SubsidyCapAsync(project.Year, ct));
        var committed = await CommittedAsync(project.RegionId, project.Year, ct);
        var amount = await db.BudgetLines.Where(l => l.ProjectId == project.Id).SumAsync(l => l.AmountFen, ct);
        if (committed + amount > total)
            return $"超出年度预算：年度预算 {Money.Wan(total)} 万元，已占用 {Money.Wan(committed)} 万元，本项目 {Money.Wan(amount)} 万元，可用 {Money.Wan(total - committed)} 万元";
        budget.Version++;
        return null;
    }
}
