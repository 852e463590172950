using Weishi.Web.Features.Selection;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>
/// Equal Shares on examples quoted from the literature, and its completion step: equalshares.net's "Add1" (raise every
/// voter's share step by step while the result still fits the budget), then a utilitarian fill by votes.
/// </summary>
public class EqualSharesLiteratureTests
{
    private static IReadOnlyCollection<int>[] Ballots(params int[][] ballots) => ballots.Select(b => (IReadOnlyCollection<int>)b).ToArray();

    private static Candidate[] WithVotes(IReadOnlyCollection<int>[] ballots, params (int Id, long Cost)[] projects) =>
        projects.Select(p => new Candidate(p.Id, p.Cost, 0, ballots.Count(b => b.Contains(p.Id)))).ToArray();

    [Fact]
    public void The_equalshares_net_reference_example_selects_p1_and_p3()
    {
        // equalshares.net, "How to compute the results?" (https://equalshares.net/implementation/computation), reference
        // implementation's example: voters v1, v2, v3; cost p1 = 100, p2 = 50, p3 = 50; p1 approved by v1 and v2,
        // p2 by v1, p3 by v3; budget 150 → ["p1", "p3"]. (Each voter holds 50; p1, p2, p3 all have ρ = 50, the tie goes
        // to p1's two votes; v1 is then spent, so p2 is out and p3 follows.)
        var ballots = Ballots([1, 2], [1], [3]);
        var projects = WithVotes(ballots, (1, 100), (2, 50), (3, 50));
        Assert.Equal([1, 3], SelectionRules.EqualShares(projects, ballots, 150).Selected);
        Assert.Equal([1, 3], SelectionRules.EqualSharesCompleted(projects, ballots, 150).Selected);
    }

    [Fact]
    public void The_red_and_blue_example_gives_the_49_percent_half_the_projects_where_greedy_gives_them_none()
    {
        // Method of Equal Shares, Wikipedia / electowiki (https://electowiki.org/wiki/Method_of_Equal_Shares), "Motivation":
        // 51 % of voters support 10 red projects, 49 % support 10 blue ones, and the money suffices for 10 projects;
        // knapsack/greedy voting picks the 10 red projects, the Method of Equal Shares "would pick 5 blue and 5 red".
        const long cost = 10_000_00; // 1 万元 each, budget 10 万元, 100 voters
        var ballots = Enumerable.Range(0, 100)
            .Select(v => (IReadOnlyCollection<int>)(v < 51 ? Enumerable.Range(1, 10).ToArray() : Enumerable.Range(11, 10).ToArray())).ToArray();
        var projects = WithVotes(ballots, Enumerable.Range(1, 20).Select(id => (id, cost)).ToArray());
        bool Red(int id) => id <= 10;

        var greedy = SelectionRules.Greedy(projects, 10 * cost).Selected;
        Assert.Equal(10, greedy.Count(Red));
        Assert.Equal(0, greedy.Count(id => !Red(id)));

        // Without completion the blue voters' 4.9 projects' worth buys only 4: one project's money stays unspent.
        var plain = SelectionRules.EqualShares(projects, ballots, 10 * cost).Selected;
        Assert.Equal((5, 4), (plain.Count(Red), plain.Count(id => !Red(id))));

        // Add1 raises every share until the blue group affords its fifth project while red still buys only five.
        var completed = SelectionRules.EqualSharesCompleted(projects, ballots, 10 * cost);
        Assert.Equal((5, 5), (completed.Selected.Count(Red), completed.Selected.Count(id => !Red(id))));
        Assert.Contains("补足（Add1）", completed.Why[completed.Selected.Where(id => !Red(id)).Except(plain).Single()]);
    }

    [Fact]
    public void The_equalshares_net_pb_example_is_completed_by_add1_to_the_whole_budget()
    {
        // equalshares.net, "How to compute the results?", the example .pb file: budget 100000; projects 1 (5000),
        // 2 (10000), 3 (85000); votes 1;1,2  2;1  3;3  4;1,2,3.
        // By hand: each voter holds 25000; project 1 (ρ = 1666.67), then 2 (ρ = 5000); project 3's supporters hold
        // 25000 + 18333.33 < 85000, so the plain method spends 15000. Add1 raises the share until voters 3 and 4 can pay
        // project 3 (share ≥ 45833.33): 100000 in all, exactly the budget.
        var ballots = Ballots([1, 2], [1], [3], [1, 2, 3]);
        var projects = WithVotes(ballots, (1, 5000), (2, 10000), (3, 85000));
        Assert.Equal([1, 2], SelectionRules.EqualShares(projects, ballots, 100000).Selected);
        var completed = SelectionRules.EqualSharesCompleted(projects, ballots, 100000);
        Assert.Equal([1, 2, 3], completed.Selected);
        Assert.Contains("补足（Add1）", completed.Why[3]);
    }

    [Fact]
    public void When_add1_would_overspend_the_rest_is_filled_by_votes_within_the_budget()
    {
        // Budget 1000 元, two voters (500 each). v1 approves A (700); v2 approves B (450) and C (400).
        // Plain: C (ρ = 400), then v2 holds 100 < B's 450 and v1's 500 < A's 700 → {C}. Add1: A becomes affordable
        // at a share of 700, before B (850) — but C + A = 1100 > 1000, so Add1 stops with {C}. The fill then adds B
        // (1 vote, 450 ≤ 600 left): {C, B}, 850 spent; A would not fit in the 150 left.
        var ballots = Ballots([1], [2, 3]);
        var projects = WithVotes(ballots, (1, 700_00), (2, 450_00), (3, 400_00));
        Assert.Equal([3], SelectionRules.EqualShares(projects, ballots, 1000_00).Selected);
        var completed = SelectionRules.EqualSharesCompleted(projects, ballots, 1000_00);
        Assert.Equal([3, 2], completed.Selected);
        Assert.Contains("补足（按票数）", completed.Why[2]);
        Assert.Contains("不足以支付", completed.Why[1]);
        Assert.True(completed.Selected.Sum(id => projects.Single(p => p.Id == id).CostFen) <= 1000_00);
    }

    [Fact]
    public void A_project_nobody_voted_for_is_never_added_by_the_completion()
    {
        var ballots = Ballots([1], [1]);
        var projects = WithVotes(ballots, (1, 100_00), (2, 10_00));
        Assert.Equal([1], SelectionRules.EqualSharesCompleted(projects, ballots, 1000_00).Selected);
    }
}
