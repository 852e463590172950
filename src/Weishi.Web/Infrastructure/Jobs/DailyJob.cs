using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>A background task run once a day at a fixed Beijing time, each run in its own DI scope (as the system).</summary>
public abstract class DailyJob(IServiceScopeFactory scopes, TimeProvider time, ILogger log, TimeSpan atBeijingTime) : BackgroundService
{
    /// <summary>What the run did, for the log.</summary>
    protected abstract Task<string> RunAsync(IServiceProvider services, DateOnly today, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(UntilNextRun(time.GetUtcNow(), atBeijingTime), time, stoppingToken);
                using var scope = scopes.CreateScope();
                var today = ChinaDate.Today(time);
                log.LogInformation("{Result}", await RunAsync(scope.ServiceProvider, today, stoppingToken));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "定时任务 {Job} 失败", GetType().Name);
            }
        }
    }

    public static TimeSpan UntilNextRun(DateTimeOffset nowUtc, TimeSpan atBeijingTime)
    {
        var local = TimeZoneInfo.ConvertTime(nowUtc, ChinaDate.Zone);
        var next = new DateTimeOffset(local.Date + atBeijingTime, local.Offset);
        if (next <= local) next = next.AddDays(1);
        return next - local;
    }
}
