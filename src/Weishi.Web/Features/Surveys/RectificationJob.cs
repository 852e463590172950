using Weishi.Web.Features.Deviations;

namespace Weishi.Web.Features.Surveys;

/// <summary>Runs <see cref="RectificationScanner"/> daily, half an hour after the deviation scan, each run in its own DI scope.</summary>
public sealed class RectificationJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RectificationJob> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(DeviationJob.UntilNextRun(time.GetUtcNow()) + TimeSpan.FromMinutes(30), time, stoppingToken);
                using var scope = scopes.CreateScope();
                var opened = await scope.ServiceProvider.GetRequiredService<RectificationScanner>().ScanAsync(null, stoppingToken);
                log.LogInformation("满意度整改判定完成：新发起 {Count} 项整改", opened);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "满意度整改判定失败");
            }
        }
    }
}
