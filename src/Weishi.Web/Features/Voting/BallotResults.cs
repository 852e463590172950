using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Voting;

/// <summary>A ballot's vote sets and per-project counts, with the selection confirmed for them (if any).</summary>
public static class BallotResults
{
    public static async Task<(List<PabulibExport.ProjectRow> Projects, List<IReadOnlyCollection<int>> Votes)> LoadAsync(
        WeishiDbContext db, Ballot ballot, CancellationToken ct = default)
    {
        var choices = await db.VoteChoices.AsNoTracking()
            .Join(db.Votes.Where(v => v.BallotId == ballot.Id), c => c.VoteId, v => v.Id, (c, v) => new { c.VoteId, c.ProjectId })
            .ToListAsync(ct);
        var votes = choices.GroupBy(c => c.VoteId).OrderBy(g => g.Key)
            .Select(g => (IReadOnlyCollection<int>)g.Select(c => c.ProjectId).ToHashSet()).ToList();
        var ids = ballot.Options.Select(o => o.ProjectId).ToList();
        var costs = await db.BudgetLines.IgnoreQueryFilters().Where(l => ids.Contains(l.ProjectId))
            .GroupBy(l => l.ProjectId).Select(g => new { g.Key, Fen = g.Sum(l => l.AmountFen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        var lastRun = await db.SelectionRuns.IgnoreQueryFilters().Where(r => r.RegionId == ballot.RegionId && r.Year == ballot.Year)
            .OrderByDescending(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
        var decided = lastRun is null ? [] : await db.SelectionDecisions.Where(d => d.RunId == lastRun)
            .ToDictionaryAsync(d => d.ProjectId, d => d.Selected, ct);
        var projects = ballot.Options.Select(o => new PabulibExport.ProjectRow(o.ProjectId, o.Project?.Name ?? "", costs.GetValueOrDefault(o.ProjectId),
            votes.Count(v => v.Contains(o.ProjectId)), decided.TryGetValue(o.ProjectId, out var s) ? s : null)).ToList();
        return (projects, votes);
    }
}
