using System.Globalization;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.Selection;

/// <summary>The three rules that turn ranked proposals into a winning set within a budget. Pure functions.</summary>
public static class SelectionRules
{
    /// <summary>By votes (then score, then cheaper first); a project that no longer fits is skipped, the next one tried.</summary>
    public static SelectionOutcome Greedy(IReadOnlyList<Candidate> candidates, long budgetFen)
    {
        var order = candidates.OrderByDescending(c => c.Votes).ThenByDescending(c => c.Score).ThenBy(c => c.CostFen).ThenBy(c => c.Id).ToList();
        var left = budgetFen;
        var selected = new List<int>();
        var why = new Dictionary<int, string>();
        for (var rank = 0; rank < order.Count; rank++)
        {
            var c = order[rank];
            if (c.CostFen <= left)
            {
                left -= c.CostFen;
                selected.Add(c.Id);
                why[c.Id] = $"票数第 {rank + 1}（{c.Votes} 票），入选时剩余预算足够，入选后剩余 {Money.Wan(left)} 万元";
            }
            else
            {
                why[c.Id] = $"票数第 {rank + 1}（{c.Votes} 票），但轮到它时剩余预算只有 {Money.Wan(left)} 万元，不足 {Money.Wan(c.CostFen)} 万元";
            }
        }
        return new SelectionOutcome(selected, why);
    }

    /// <summary>
    /// The exact maximum total score within the budget, by branch and bound: candidates in order of score per yuan,
    /// pruned with the fractional (LP) bound. Scores count in hundredths of a point so comparisons are exact.
    /// </summary>
    public static SelectionOutcome Knapsack(IReadOnlyList<Candidate> candidates, long budgetFen)
    {
        var items = candidates.Where(c => c.CostFen <= budgetFen && c.Score > 0)
            .Select(c => (c.Id, c.CostFen, Value: (long)Math.Round(c.Score * 100)))
            .OrderByDescending(i => i.CostFen == 0 ? double.MaxValue : (double)i.Value / i.CostFen).ThenBy(i => i.Id).ToArray();
        var take = new bool[items.Length];
        var best = new bool[items.Length];
        long bestValue = -1;

        void Search(int i, long cost, long value)
        {
            if (value > bestValue)
            {
                bestValue = value;
                Array.Copy(take, best, take.Length);
                Array.Clear(best, i, best.Length - i);
            }
            if (i == items.Length) return;
            // Fractional bound: fill the remaining budget greedily by density, the last item in part.
            double bound = value;
            var room = budgetFen - cost;
            for (var j = i; j < items.Length && room > 0; j++)
            {
                if (items[j].CostFen <= room) { bound += items[j].Value; room -= items[j].CostFen; }
                else { bound += (double)items[j].Value * room / items[j].CostFen; room = 0; }
            }
            if (bound < bestValue + 1) return;
            if (cost + items[i].CostFen <= budgetFen)
            {
                take[i] = true;
                Search(i + 1, cost + items[i].CostFen, value + items[i].Value);
                take[i] = false;
            }
            Search(i + 1, cost, value);
        }
        Search(0, 0, 0);

        var selected = items.Where((_, k) => best[k]).Select(i => i.Id).ToList();
        var total = selected.Sum(id => candidates.First(c => c.Id == id).Score);
        var why = new Dictionary<int, string>();
        foreach (var c in candidates)
        {
            why[c.Id] = selected.Contains(c.Id)
                ? $"属于预算内总分最高的组合（组合总分 {total.ToString("0.##", CultureInfo.InvariantCulture)}）"
                : c.CostFen > budgetFen
                    ? $"预算 {Money.Wan(c.CostFen)} 万元超过可用预算 {Money.Wan(budgetFen)} 万元"
                    : "加入它就要换下总分更高的项目，最优组合不含它";
        }
        return new SelectionOutcome(selected, why);
    }

    /// <summary>
    /// Method of Equal Shares with approval utilities (Peters &amp; Skowron 2020; equalshares.net): every voter gets
    /// budget ÷ voters; repeatedly buy the affordable project whose supporters each pay the least (ρ), each supporter
    /// paying min(her remaining share, ρ). No completion step: money no group can afford stays unspent.
    /// </summary>
    public static SelectionOutcome EqualShares(IReadOnlyList<Candidate> candidates, IReadOnlyList<IReadOnlyCollection<int>> ballots, long budgetFen)
    {
        var why = new Dictionary<int, string>();
        var selected = new List<int>();
        if (ballots.Count == 0)
        {
            foreach (var c in candidates) why[c.Id] = "没有居民投票，等额份额法无法计算";
            return new SelectionOutcome(selected, why);
        }
        var share = (decimal)budgetFen / ballots.Count;
        var money = Enumerable.Repeat(share, ballots.Count).ToArray();
        var supporters = candidates.ToDictionary(c => c.Id, c => Enumerable.Range(0, ballots.Count).Where(v => ballots[v].Contains(c.Id)).ToArray());
        var open = candidates.Where(c => c.CostFen > 0).ToList();
        foreach (var free in candidates.Where(c => c.CostFen == 0)) { selected.Add(free.Id); why[free.Id] = "不需要预算"; }
        while (true)
        {
            Candidate? next = null;
            decimal nextRho = 0;
            foreach (var c in open)
            {
                var rho = Rho(supporters[c.Id].Select(v => money[v]).ToList(), c.CostFen);
                if (rho is null) continue;
                if (next is null || rho < nextRho || (rho == nextRho && c.Votes > next.Votes))
                {
                    next = c;
                    nextRho = rho.Value;
                }
            }
            if (next is null) break;
            foreach (var v in supporters[next.Id]) money[v] -= Math.Min(money[v], nextRho);
            selected.Add(next.Id);
            open.Remove(next);
            why[next.Id] = $"{next.Votes} 位支持者每人最多出 {Money.Yuan((long)Math.Round(nextRho))} 元即可买下（每人份额 {Money.Yuan((long)Math.Round(share))} 元）";
        }
        foreach (var c in open)
        {
            var pooled = supporters[c.Id].Sum(v => money[v]);
            why[c.Id] = $"{c.Votes} 位支持者剩余份额合计 {Money.Wan((long)Math.Round(pooled))} 万元，不足以支付 {Money.Wan(c.CostFen)} 万元";
        }
        return new SelectionOutcome(selected, why);
    }

    /// <summary>The least ρ with Σ min(money_i, ρ) = cost, or null when the supporters together cannot pay.</summary>
    internal static decimal? Rho(List<decimal> supporterMoney, long cost)
    {
        if (supporterMoney.Count == 0 || supporterMoney.Sum() < cost) return null;
        supporterMoney.Sort();
        decimal paid = 0;
        for (var k = 0; k < supporterMoney.Count; k++)
        {
            var rest = supporterMoney.Count - k;
            var rho = (cost - paid) / rest;
            if (rho <= supporterMoney[k]) return rho;
            paid += supporterMoney[k];
        }
        return null;
    }
}
