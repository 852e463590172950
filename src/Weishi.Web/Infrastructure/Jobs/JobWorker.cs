namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>Runs queued jobs one at a time (the machine has two cores; imports are heavy).</summary>
public sealed class JobWorker(JobRunner runner, TimeProvider time, IConfiguration config, ILogger<JobWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the application finish migrating before the first claim.
        await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
        try
        {
            await runner.RecoverAbandonedAsync(TimeSpan.FromMinutes(config.GetValue("Jobs:HeartbeatStaleMinutes", JobRunner.DefaultHeartbeatStale.TotalMinutes)), stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "could not recover jobs left running by an earlier process");
        }
        runner.StartupRecoveryDone();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await runner.ClaimNextAsync(stoppingToken) is { } id)
                {
                    await runner.RunAsync(id, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogWarning(ex, "job worker could not claim or finish a job");
            }
            try { await runner.WaitForWorkAsync(TimeSpan.FromSeconds(2), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
