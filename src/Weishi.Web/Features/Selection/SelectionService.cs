using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Council;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Voting;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Selection;

/// <summary>Gathers a community's scored proposals, votes and remaining budget, and applies a rule.</summary>
public sealed class SelectionService(WeishiDbContext db, BudgetLedger ledger)
{
    public sealed record Row(int ProjectId, string Code, string Name, long CostFen, decimal CouncilScore, int Votes, decimal Combined);

    public sealed record Proposal(int RegionId, int Year, long BudgetFen, IReadOnlyList<Row> Rows, Ballot? Ballot,
        IReadOnlyList<IReadOnlyCollection<int>> VoteSets, SelectionRule Rule, bool RuleLocked, SelectionOutcome Outcome);

    public async Task<Proposal> ProposeAsync(int regionId, int year, SelectionRule? chosen, int councilWeight, int voteWeight, CancellationToken ct = default)
    {
        var projects = await db.Projects.AsNoTracking()
            .Where(p => p.RegionId == regionId && p.Year == year && p.Status == ProjectStatus.CommunityReview)
            .Select(p => new { p.Id, p.Code, p.Name, Cost = p.BudgetLines.Sum(l => l.AmountFen) }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var scores = await CouncilRanking.ForProjectsAsync(db, ids, ct);
        var ballot = await db.Ballots.AsNoTracking().Where(b => b.RegionId == regionId && b.Year == year)
            .OrderByDescending(b => b.Id).FirstOrDefaultAsync(ct);
        var voteSets = new List<IReadOnlyCollection<int>>();
        if (ballot is not null)
        {
            var choices = await db.VoteChoices.AsNoTracking()
                .Join(db.Votes.Where(v => v.BallotId == ballot.Id), c => c.VoteId, v => v.Id, (c, v) => new { c.VoteId, c.ProjectId })
                .ToListAsync(ct);
            voteSets = choices.GroupBy(c => c.VoteId).Select(g => (IReadOnlyCollection<int>)g.Select(c => c.ProjectId).ToHashSet()).ToList();
        }
        var voters = Math.Max(1, voteSets.Count);
        var weights = Math.Max(1, councilWeight + voteWeight);
        var rows = projects.Select(p =>
        {
            var council = scores.TryGetValue(p.Id, out var s) ? s.Score : 0;
            var votes = voteSets.Count(v => v.Contains(p.Id));
            var combined = Math.Round((councilWeight * council + voteWeight * 100m * votes / voters) / weights, 2);
            return new Row(p.Id, p.Code, p.Name, p.Cost, council, votes, combined);
        }).OrderByDescending(r => r.Combined).ThenBy(r => r.Code).ToList();

        var budget = (await ledger.ForYearAsync(year, ct)).GetValueOrDefault(regionId)?.AvailableFen ?? 0;
        // Once voting opens the ballot's rule applies and cannot be switched to suit a result.
        var locked = ballot is not null && db.Time.GetUtcNow().UtcDateTime >= ballot.OpensAtUtc;
        var rule = locked ? ballot!.Rule : chosen ?? SelectionRule.OptimalKnapsack;
        var candidates = rows.Select(r => new Candidate(r.ProjectId, r.CostFen, r.Combined, r.Votes)).ToList();
        var outcome = rule switch
        {
            SelectionRule.GreedyByVotes => SelectionRules.Greedy(candidates, budget),
            SelectionRule.EqualShares => SelectionRules.EqualSharesCompleted(candidates, voteSets, budget),
            _ => SelectionRules.Knapsack(candidates, budget),
        };
        return new Proposal(regionId, year, budget, rows, ballot, voteSets, rule, locked, outcome);
    }
}
