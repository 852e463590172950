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
    /// paying min(her remaining share, ρ); ties go to more votes. Money no group can afford stays unspent here —
    /// <see cref="EqualSharesCompleted"/> adds the completion step.
    /// </summary>
    public static SelectionOutcome EqualShares(IReadOnlyList<Candidate> candidates, IReadOnlyList<IReadOnlyCollection<int>> ballots, long budgetFen)
    {
        var why = new Dictionary<int, string>();
        if (ballots.Count == 0)
        {
            foreach (var c in candidates) why[c.Id] = "没有居民投票，等额份额法无法计算";
            return new SelectionOutcome([], why);
        }
        var share = (decimal)budgetFen / ballots.Count;
        var run = RunEqualShares(candidates, VoterGroups.Of(candidates, ballots), share);
        foreach (var (c, rho) in run.Bought)
            why[c.Id] = c.CostFen == 0 ? "不需要预算"
                : $"{c.Votes} 位支持者每人最多出 {Money.Yuan((long)Math.Round(rho))} 元即可买下（每人份额 {Money.Yuan((long)Math.Round(share))} 元）";
        foreach (var c in candidates.Where(c => !why.ContainsKey(c.Id)))
            why[c.Id] = $"{c.Votes} 位支持者剩余份额合计 {Money.Wan((long)Math.Round(run.Pooled(c.Id)))} 万元，不足以支付 {Money.Wan(c.CostFen)} 万元";
        return new SelectionOutcome(run.Bought.Select(b => b.Candidate.Id).ToList(), why);
    }

    /// <summary>Most rounds of the Add1 completion, so a ballot with few voters and a large budget stays quick.</summary>
    public const int CompletionRounds = 1000;

    /// <summary>
    /// Equal Shares with the completion used on equalshares.net ("Add1"): while some voted-for project would still fit
    /// the money left, raise every voter's share by one step (1 元, or 0.1 % of the share when that is more) and rerun
    /// the method; keep the last result whose total cost stays within the real budget. What Add1 cannot place is then
    /// filled utilitarian-greedily (most votes first) with voted-for projects that still fit.
    /// </summary>
    public static SelectionOutcome EqualSharesCompleted(IReadOnlyList<Candidate> candidates, IReadOnlyList<IReadOnlyCollection<int>> ballots, long budgetFen)
    {
        var plain = EqualShares(candidates, ballots, budgetFen);
        if (ballots.Count == 0) return plain;
        var groups = VoterGroups.Of(candidates, ballots);
        var baseShare = (decimal)budgetFen / ballots.Count;
        var step = Math.Max(100m, Math.Ceiling(baseShare / 1000));
        var cost = candidates.ToDictionary(c => c.Id, c => c.CostFen);
        long Spent(IEnumerable<int> ids) => ids.Sum(id => cost[id]);
        bool Exhaustive(ICollection<int> chosen)
        {
            var left = budgetFen - Spent(chosen);
            return !candidates.Any(c => c.Votes > 0 && !chosen.Contains(c.Id) && c.CostFen <= left);
        }

        var selected = plain.Selected.ToList();
        var why = new Dictionary<int, string>(plain.Why);
        decimal? raisedShare = null;
        EqualSharesRun? raised = null;
        for (var round = 1; round <= CompletionRounds && !Exhaustive(selected); round++)
        {
            var share = baseShare + step * round;
            var next = RunEqualShares(candidates, groups, share);
            var ids = next.Bought.Select(b => b.Candidate.Id).ToList();
            if (Spent(ids) > budgetFen) break;
            (selected, raised, raisedShare) = (ids, next, share);
        }
        if (raised is not null)
            foreach (var (c, rho) in raised.Bought.Where(b => !plain.IsSelected(b.Candidate.Id)))
                why[c.Id] = $"补足（Add1）：每人份额提高到 {Money.Yuan((long)Math.Round(raisedShare!.Value))} 元后，{c.Votes} 位支持者每人最多出 {Money.Yuan((long)Math.Round(rho))} 元即可买下，合计仍在预算内";
        foreach (var dropped in plain.Selected.Where(id => !selected.Contains(id)))
            why[dropped] = "补足（Add1）提高份额后的结果不含它";

        var leftover = budgetFen - Spent(selected);
        foreach (var c in candidates.Where(c => c.Votes > 0 && !selected.Contains(c.Id))
                     .OrderByDescending(c => c.Votes).ThenByDescending(c => c.Score).ThenBy(c => c.CostFen).ThenBy(c => c.Id))
        {
            if (c.CostFen > leftover) continue;
            leftover -= c.CostFen;
            selected.Add(c.Id);
            why[c.Id] = $"补足（按票数）：等额份额法用剩的预算按票数依次补选，{c.Votes} 票，入选后剩余 {Money.Wan(leftover)} 万元";
        }
        return new SelectionOutcome(selected, why);
    }

    /// <summary>Voters with the same ballot always hold the same money, so the method works on groups of identical ballots.</summary>
    private sealed record VoterGroups(int[] Size, Dictionary<int, int[]> GroupsOf)
    {
        public static VoterGroups Of(IReadOnlyList<Candidate> candidates, IReadOnlyList<IReadOnlyCollection<int>> ballots)
        {
            var keys = ballots.Select(b => string.Join(",", b.Distinct().Order())).ToList();
            var distinct = keys.Distinct().ToList();
            var index = distinct.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
            var size = new int[distinct.Count];
            foreach (var k in keys) size[index[k]]++;
            var sets = distinct.Select(k => k.Length == 0 ? [] : k.Split(',').Select(int.Parse).ToHashSet()).ToList();
            var groupsOf = candidates.ToDictionary(c => c.Id, c => Enumerable.Range(0, sets.Count).Where(g => sets[g].Contains(c.Id)).ToArray());
            return new VoterGroups(size, groupsOf);
        }
    }

    private sealed record EqualSharesRun(List<(Candidate Candidate, decimal Rho)> Bought, decimal[] Money, VoterGroups Groups)
    {
        public decimal Pooled(int candidateId) => Groups.GroupsOf[candidateId].Sum(g => Money[g] * Groups.Size[g]);
    }

    private static EqualSharesRun RunEqualShares(IReadOnlyList<Candidate> candidates, VoterGroups groups, decimal share)
    {
        var money = Enumerable.Repeat(share, groups.Size.Length).ToArray();
        var bought = candidates.Where(c => c.CostFen == 0).Select(c => (c, 0m)).ToList();
        var open = candidates.Where(c => c.CostFen > 0).ToList();
        while (true)
        {
            Candidate? next = null;
            decimal nextRho = 0;
            foreach (var c in open)
            {
                var rho = Rho(groups.GroupsOf[c.Id].Select(g => (money[g], groups.Size[g])).ToList(), c.CostFen);
                if (rho is null) continue;
                if (next is null || rho < nextRho || (rho == nextRho && c.Votes > next.Votes))
                {
                    next = c;
                    nextRho = rho.Value;
                }
            }
            if (next is null) break;
            foreach (var g in groups.GroupsOf[next.Id]) money[g] -= Math.Min(money[g], nextRho);
            bought.Add((next, nextRho));
            open.Remove(next);
        }
        return new EqualSharesRun(bought, money, groups);
    }

    /// <summary>The least ρ with Σ min(money_i, ρ) = cost, or null when the supporters together cannot pay.</summary>
    internal static decimal? Rho(List<decimal> supporterMoney, long cost) => Rho(supporterMoney.Select(m => (m, 1)).ToList(), cost);

    /// <summary>As above for groups of voters holding the same money: Σ size_g · min(money_g, ρ) = cost.</summary>
    private static decimal? Rho(List<(decimal Money, int Size)> groups, long cost)
    {
        var voters = groups.Sum(g => g.Size);
        if (voters == 0 || groups.Sum(g => g.Money * g.Size) < cost) return null;
        groups.Sort((a, b) => a.Money.CompareTo(b.Money));
        decimal paid = 0;
        foreach (var (m, size) in groups)
        {
            var rho = (cost - paid) / voters;
            if (rho <= m) return rho;
            paid += m * size;
            voters -= size;
        }
        return null;
    }
}
