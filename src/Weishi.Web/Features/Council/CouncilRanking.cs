using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Council;

/// <summary>Aggregates members' score sheets into each proposal's council score (the mean over valid sessions).</summary>
public static class CouncilRanking
{
    public sealed record Row(int ProjectId, decimal Score, int Sheets, int RubricVersion);

    public static async Task<Dictionary<int, Row>> ForProjectsAsync(WeishiDbContext db, IReadOnlyCollection<int> projectIds, CancellationToken ct = default)
    {
        var sheets = await db.CouncilScoreSheets.AsNoTracking()
            .Where(s => projectIds.Contains(s.ProjectId) && s.Member!.Present)
            .Select(s => new { s.ProjectId, s.Total, s.Session!.Rubric!.Version }).ToListAsync(ct);
        return sheets.GroupBy(s => s.ProjectId).ToDictionary(g => g.Key,
            g => new Row(g.Key, Math.Round(g.Average(s => s.Total), 2), g.Count(), g.Max(s => s.Version)));
    }
}
