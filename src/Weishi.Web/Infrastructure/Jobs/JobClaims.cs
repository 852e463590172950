using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>Claiming a queued job so that exactly one runner gets it, however many instances share the database.</summary>
public static class JobClaims
{
    /// <summary>
    /// Marks the oldest queued job of one of the given kinds as running and returns its id, or null when none waits.
    /// The same on both providers: the update applies only while the row is still queued, so of two runners that chose
    /// the same job one changes it and the other changes nothing and looks again (on PostgreSQL the second update waits
    /// for the first one's row lock and then re-checks the status; SQLite has one writer at a time).
    /// </summary>
    public static async Task<int?> NextAsync(WeishiDbContext db, IReadOnlyCollection<string> kinds, DateTime nowUtc, CancellationToken ct)
    {
        while (true)
        {
            var next = await db.Jobs.Where(j => j.Status == JobStatus.Queued && kinds.Contains(j.Kind))
                .OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
            if (next is null) return null;
            var claimed = await db.Jobs.Where(j => j.Id == next && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.StartedAtUtc, nowUtc), ct);
            if (claimed == 1) return next;
        }
    }
}
