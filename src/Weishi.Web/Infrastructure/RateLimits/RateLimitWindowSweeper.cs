using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.RateLimits;

/// <summary>
/// PostgreSQL: every instance deletes, once a minute, the windows that ended more than <see cref="Grace"/> ago, so the
/// table holds only the partitions of the last few minutes. The grace leaves a window alone for an instance whose
/// clock is a little behind; a deleted window would only have been replaced by a fresh one on the next request.
/// </summary>
public sealed class RateLimitWindowSweeper(IServiceScopeFactory scopes, TimeProvider time, ILogger<RateLimitWindowSweeper> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    using var scope = scopes.CreateScope();
                    await DeleteEndedAsync(scope.ServiceProvider.GetRequiredService<WeishiDbContext>(), time.GetUtcNow().UtcDateTime, stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning(e, "could not delete ended rate-limit windows");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    public static Task<int> DeleteEndedAsync(WeishiDbContext db, DateTime nowUtc, CancellationToken ct = default)
    {
        var before = nowUtc - Grace;
        return db.RateLimitWindows.Where(w => w.WindowEndsAtUtc < before).ExecuteDeleteAsync(ct);
    }
}
