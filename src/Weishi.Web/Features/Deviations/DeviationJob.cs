
namespace Weishi.Web.Features.Deviations;

/// <summary>Runs <see cref="DeviationScanner"/> every day at 02:00 Beijing time, each run in its own DI scope.</summary>
public sealed class DeviationJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DeviationJob> log) : BackgroundService
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(UntilNextRun(time.GetUtcNow()), time, stoppingToken);
                using var scope = scopes.CreateScope();
                var scanner = scope.ServiceProvider.GetRequiredService<DeviationScanner>();
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), China).DateTime);
                var raised = await scanner.ScanAsync(today, stoppingToken);
                log.LogInformation("偏差扫描完成：{Count} 项预警", raised);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "偏差扫描失败");
            }
        }
    }

    public static TimeSpan UntilNextRun(DateTimeOffset nowUtc)
    {
        var local = TimeZoneInfo.ConvertTime(nowUtc, China);
        var next = new DateTimeOffset(local.Date.AddHours(2), local.Offset);
        if (next <= local) next = next.AddDays(1);
        return next - local;
    }
}
