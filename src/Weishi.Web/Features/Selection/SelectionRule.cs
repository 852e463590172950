namespace Weishi.Web.Features.Selection;

public enum SelectionRule
{
    /// <summary>Most votes first, skipping what no longer fits (the common participatory-budgeting rule).</summary>
    GreedyByVotes = 1,
    /// <summary>The set of maximum total combined score within the budget.</summary>
    OptimalKnapsack = 2,
    /// <summary>Method of Equal Shares: each voter controls an equal share of the budget; completed by Add1, then by votes.</summary>
    EqualShares = 3,
}

public static class SelectionRuleNames
{
    public static string Name(SelectionRule r) => r switch
    {
        SelectionRule.GreedyByVotes => "按票数依次入选（贪心）",
        SelectionRule.OptimalKnapsack => "预算内总分最高（最优背包）",
        _ => "等额份额法（每位投票居民分得等额预算份额，剩余预算依次补足）",
    };

    /// <summary>The rule's name in pabulib's META "rule" field.</summary>
    public static string Pabulib(SelectionRule r) => r switch
    {
        SelectionRule.GreedyByVotes => "greedy",
        SelectionRule.OptimalKnapsack => "knapsack",
        _ => "equalshares/add1",
    };
}

/// <summary>A proposal as the rules see it: its cost, combined score and approval votes.</summary>
public sealed record Candidate(int Id, long CostFen, decimal Score, int Votes);

public sealed record SelectionOutcome(IReadOnlyList<int> Selected, IReadOnlyDictionary<int, string> Why)
{
    public bool IsSelected(int id) => Selected.Contains(id);
}
