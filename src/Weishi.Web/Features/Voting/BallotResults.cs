using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Selection;
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
        var confirmed = await ConfirmedAsync(db, ballot, ct);
        var projects = ballot.Options.Select(o => new PabulibExport.ProjectRow(o.ProjectId, o.Project?.Name ?? "", costs.GetValueOrDefault(o.ProjectId),
            votes.Count(v => v.Contains(o.ProjectId)), confirmed?.SelectedOf(o.ProjectId))).ToList();
        return (projects, votes);
    }

    /// <summary>
    /// The selection staff confirmed for the ballot's community and year once the ballot had closed (the latest one), or
    /// null while there is none: a run confirmed before the close did not count this ballot's votes. Unfiltered: the
    /// caller has read the ballot already (the public vote page for anyone), and the run is of that ballot's community.
    /// </summary>
    public static async Task<ConfirmedSelection?> ConfirmedAsync(WeishiDbContext db, Ballot ballot, CancellationToken ct = default)
    {
        var run = await db.SelectionRuns.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.RegionId == ballot.RegionId && r.Year == ballot.Year && r.AtUtc >= ballot.ClosesAtUtc)
            .OrderByDescending(r => r.Id).Select(r => new { r.Id, r.Rule }).FirstOrDefaultAsync(ct);
        if (run is null) return null;
        var decisions = await db.SelectionDecisions.IgnoreQueryFilters().AsNoTracking().Where(d => d.RunId == run.Id)
            .Select(d => new { d.ProjectId, d.Selected, d.SelectedByRule }).ToListAsync(ct);
        return new ConfirmedSelection(run.Rule, decisions.ToDictionary(d => d.ProjectId, d => d.Selected),
            decisions.Any(d => d.Selected != d.SelectedByRule));
    }
}

/// <param name="Selected">Per project decided in the run: whether it was chosen (入选).</param>
/// <param name="Adjusted">Staff departed from the rule's result for at least one project.</param>
public sealed record ConfirmedSelection(SelectionRule Rule, IReadOnlyDictionary<int, bool> Selected, bool Adjusted)
{
    public bool? SelectedOf(int projectId) => Selected.TryGetValue(projectId, out var s) ? s : null;
}
