using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Infrastructure.RateLimits;

/// <summary>
/// PostgreSQL: one statement counts the request in the partition's row, shared by every instance. The upsert locks the
/// row, so requests at the same moment, on any instance, are counted one after another and none is lost. The client's
/// address is stored only as its keyed hash (<see cref="PersonalData"/>).
/// </summary>
public sealed class DatabaseWindowCounter(IServiceScopeFactory scopes, PersonalData personal) : IWindowCounter
{
    public async ValueTask<int> CountAsync(string policy, string client, DateTime nowUtc, TimeSpan window, CancellationToken ct)
    {
        var partition = await PartitionAsync(personal, policy, client, ct);
        var endsUtc = nowUtc + window;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        // Both CASEs read the row as it was before the update.
        var counts = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RateLimitWindows" ("Partition", "WindowEndsAtUtc", "Count") VALUES ({partition}, {endsUtc}, 1)
            ON CONFLICT ("Partition") DO UPDATE SET
                "Count" = CASE WHEN "RateLimitWindows"."WindowEndsAtUtc" <= {nowUtc} THEN 1 ELSE "RateLimitWindows"."Count" + 1 END,
                "WindowEndsAtUtc" = CASE WHEN "RateLimitWindows"."WindowEndsAtUtc" <= {nowUtc} THEN {endsUtc} ELSE "RateLimitWindows"."WindowEndsAtUtc" END
            RETURNING "Count" AS "Value"
            """).ToListAsync(ct);
        return counts[0];
    }

    /// <summary>The stored partition: the policy's name and the keyed hash of the client, e.g. "portal:3f9a…".</summary>
    public static async Task<string> PartitionAsync(PersonalData personal, string policy, string client, CancellationToken ct = default) =>
        policy + ":" + await personal.HashAsync("rate-limit|" + client, ct);
}
