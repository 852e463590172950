using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// Gives runs stored before the regions were kept (<see cref="MiningTopicRegion"/>, <see cref="MiningItem.RegionId"/>)
/// the regions the mining job would have stored: a need's region never changes, so they are read from the needs. Done at
/// start-up, one run at a time, so the page reads every run's topic places the same way.
/// </summary>
public static class MiningRegionBackfill
{
    /// <returns>How many runs were filled.</returns>
    public static async Task<int> BackfillAsync(WeishiDbContext db, CancellationToken ct = default)
    {
        var done = 0;
        try
        {
            while (await NextRunAsync(db, ct) is { } runId)
            {
                // The items first: a run stopped half-way has no topic regions yet and is taken again at the next start.
                await db.MiningItems.IgnoreQueryFilters().Where(i => i.RunId == runId && i.RegionId == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.RegionId,
                        i => db.Demands.IgnoreQueryFilters().Where(d => d.Id == i.DemandId).Select(d => (int?)d.RegionId).FirstOrDefault()), ct);
                var places = await db.MiningItems.IgnoreQueryFilters().Where(i => i.RunId == runId)
                    .Select(i => new { i.TopicNumber, i.RegionId }).Distinct().ToListAsync(ct);
                db.MiningTopicRegions.AddRange(places.Select(p => new MiningTopicRegion { RunId = runId, TopicNumber = p.TopicNumber, RegionId = p.RegionId!.Value }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done++;
            }
            if (done > 0)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    AtUtc = db.Time.GetUtcNow().UtcDateTime, UserName = "system", Entity = nameof(MiningRun), EntityId = "topic-regions",
                    Action = "Modified", After = $"为 {done} 次较早的需求分析补全需求和主题所在的社区",
                });
                await db.SaveChangesAsync(ct);
            }
            return done;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>A run with items and no topic regions. Runs are few; each is checked through the keys of its topic regions
    /// and items, so when nothing is left this reads no item.</summary>
    private static Task<int?> NextRunAsync(WeishiDbContext db, CancellationToken ct) =>
        db.MiningRuns.IgnoreQueryFilters()
            .Where(r => !db.MiningTopicRegions.Any(p => p.RunId == r.Id) && db.MiningItems.Any(i => i.RunId == r.Id))
            .OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);
}
