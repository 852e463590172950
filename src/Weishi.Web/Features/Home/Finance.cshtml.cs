using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Statistics;

namespace Weishi.Web.Features.Home;

/// <summary>Home of the finance bureau: budget execution per year, the evaluation's starting figures.</summary>
public sealed class FinanceModel(StatisticsQuery stats, BudgetLedger ledger) : PageModel
{
    /// <param name="Unbudgeted">Regions that committed or spent money this year without a budget (counted in the sums).</param>
    public sealed record YearRow(int Year, int Projects, long BudgetFen, long CommittedFen, long SpentFen, int Unbudgeted)
    {
        public decimal Execution => BudgetFen == 0 ? 0 : (decimal)SpentFen / BudgetFen;
    }

    public IReadOnlyList<YearRow> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var s = await stats.LoadAsync(ct);
        var rows = new List<YearRow>();
        foreach (var row in s.ByYear())
        {
            var year = int.Parse(row.Label, System.Globalization.CultureInfo.InvariantCulture);
            var budgets = (await ledger.ForYearAsync(year, ct)).Values.ToList();
            rows.Add(new YearRow(year, row.Projects, budgets.Sum(b => b.TotalFen), budgets.Sum(b => b.CommittedFen), row.SpentFen,
                budgets.Count(b => !b.BudgetSet)));
        }
        Years = rows;
    }
}
