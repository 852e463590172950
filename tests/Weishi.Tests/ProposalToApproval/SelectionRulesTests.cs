using System.Diagnostics;
using Weishi.Web.Features.Selection;
using Xunit.Abstractions;

namespace Weishi.Tests.ProposalToApproval;

public class SelectionRulesTests(ITestOutputHelper output)
{
    private static Candidate C(int id, long cost, decimal score = 0, int votes = 0) => new(id, cost, score, votes);

    [Fact]
    public void Greedy_takes_most_votes_first_and_skips_what_no_longer_fits()
    {
        // Budget 100: A (3 votes, 60) fits; B (2 votes, 50) does not fit in the 40 left; C (1 vote, 40) still fits.
        var outcome = SelectionRules.Greedy([C(1, 60, votes: 3), C(2, 50, votes: 2), C(3, 40, votes: 1)], 100);
        Assert.Equal([1, 3], outcome.Selected.Order());
        Assert.Contains("不足", outcome.Why[2]);
        Assert.Contains("票数第 1", outcome.Why[1]);
    }

    [Fact]
    public void Knapsack_beats_greedy_when_a_high_score_uses_the_budget_badly()
    {
        // Budget 100: greedy by score takes A (score 60, cost 60) and then nothing else fits; B + C give 90.
        var items = new[] { C(1, 60, 60), C(2, 50, 45), C(3, 50, 45) };
        var outcome = SelectionRules.Knapsack(items, 100);
        Assert.Equal([2, 3], outcome.Selected.Order());
        Assert.Contains("最优组合不含它", outcome.Why[1]);
    }

    [Fact]
    public void Knapsack_equals_brute_force_on_small_random_cases()
    {
        var rng = new Random(5);
        for (var round = 0; round < 300; round++)
        {
            var n = rng.Next(1, 13);
            var items = Enumerable.Range(1, n).Select(i => C(i, rng.Next(1, 60) * 1000L, Math.Round((decimal)rng.NextDouble() * 100, 2))).ToList();
            var budget = rng.Next(0, 200) * 1000L;
            var best = BruteForce(items, budget);
            var outcome = SelectionRules.Knapsack(items, budget);
            Assert.True(outcome.Selected.Sum(id => items[id - 1].CostFen) <= budget);
            Assert.Equal(best, outcome.Selected.Sum(id => items[id - 1].Score));
        }
    }

    [Fact]
    public void Knapsack_is_exact_on_200_proposals()
    {
        // Integer scores let an exact dynamic programme over score totals check the branch and bound.
        var rng = new Random(200);
        var items = Enumerable.Range(1, 200).Select(i => C(i, rng.Next(5_000, 500_000) * 100L, rng.Next(30, 100))).ToList();
        var budget = 2_000_000_00L; // 200 万元
        var watch = Stopwatch.StartNew();
        var outcome = SelectionRules.Knapsack(items, budget);
        watch.Stop();
        output.WriteLine($"knapsack of 200 proposals: {watch.ElapsedMilliseconds} ms");
        Assert.True(outcome.Selected.Sum(id => items[id - 1].CostFen) <= budget);
        Assert.Equal(DynamicProgramme(items, budget), outcome.Selected.Sum(id => items[id - 1].Score));
    }

    [Fact]
    public void Equal_shares_gives_the_minority_its_proportional_share()
    {
        // 100 voters, budget 100 (1 each). 60 approve A, B, C (cost 40 each); 40 approve D (cost 40).
        // A: 60 supporters pay 2/3 each (ρ = 0.667). Then B needs 40 but its supporters have 60 × 1/3 = 20 left.
        // D: 40 supporters pay 1 each (ρ = 1). Result {A, D}; greedy by votes would give {A, B} to the majority.
        var ballots = Enumerable.Range(0, 100).Select(v => (IReadOnlyCollection<int>)(v < 60 ? [1, 2, 3] : [4])).ToList();
        var items = new[] { C(1, 40, votes: 60), C(2, 40, votes: 60), C(3, 40, votes: 60), C(4, 40, votes: 40) };
        var mes = SelectionRules.EqualShares(items, ballots, 100);
        Assert.Equal([1, 4], mes.Selected.Order());
        Assert.Equal([1, 2], SelectionRules.Greedy(items, 100).Selected.Order());
        Assert.Contains("不足以支付", mes.Why[2]);
    }

    [Fact]
    public void Equal_shares_charges_capped_voters_less_and_the_rest_more()
    {
        // 4 voters, budget 400 (100 each). X (300; v1 v2 v3), Y (150; v1 v4), Z (50; v2 v3).
        // Round 1: ρ(X) = 100, ρ(Y) = 75, ρ(Z) = 25 → Z; v2, v3 keep 75. Round 2: X's supporters hold 250 < 300;
        // ρ(Y) = 75 → Y; v1, v4 keep 25. Round 3: X's supporters hold 175 → stop. Result {Z, Y}, 200 spent.
        IReadOnlyCollection<int>[] ballots = [[1, 2], [1, 3], [1, 3], [2]];
        var items = new[] { C(1, 300, votes: 3), C(2, 150, votes: 2), C(3, 50, votes: 2) };
        var mes = SelectionRules.EqualShares(items, ballots, 400);
        Assert.Equal([3, 2], mes.Selected);
        Assert.Equal([1, 3], SelectionRules.Greedy(items, 400).Selected.Order());
        // The least ρ with Σ min(money, ρ) = 150 over holdings 25, 75, 75 is 62.5: the poorest pays all she has.
        Assert.Equal(62.5m, SelectionRules.Rho([75m, 25m, 75m], 150));
        Assert.Null(SelectionRules.Rho([25m, 75m], 150));
    }

    private static decimal BruteForce(IReadOnlyList<Candidate> items, long budget)
    {
        decimal best = 0;
        for (var mask = 0; mask < 1 << items.Count; mask++)
        {
            long cost = 0;
            decimal score = 0;
            for (var i = 0; i < items.Count; i++)
                if ((mask & (1 << i)) != 0) { cost += items[i].CostFen; score += items[i].Score; }
            if (cost <= budget && score > best) best = score;
        }
        return best;
    }

    /// <summary>Least cost for every achievable integer score total; the answer is the highest total within budget.</summary>
    private static decimal DynamicProgramme(IReadOnlyList<Candidate> items, long budget)
    {
        var maxScore = items.Sum(i => (int)i.Score);
        var cost = Enumerable.Repeat(long.MaxValue, maxScore + 1).ToArray();
        cost[0] = 0;
        foreach (var item in items)
            for (var s = maxScore; s >= (int)item.Score; s--)
                if (cost[s - (int)item.Score] != long.MaxValue)
                    cost[s] = Math.Min(cost[s], cost[s - (int)item.Score] + item.CostFen);
        for (var s = maxScore; s >= 0; s--)
            if (cost[s] <= budget) return s;
        return 0;
    }
}
