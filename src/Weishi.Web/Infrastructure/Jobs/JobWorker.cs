using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>
/// Runs queued jobs one at a time (the machine has two cores; imports are heavy). At start it fails the jobs an earlier
/// process left running; on PostgreSQL it also sweeps every <see cref="SweepEvery"/> for running jobs whose runner, in
/// any instance, stopped beating, so a job whose instance died shows its failure while the others keep running.
/// </summary>
public sealed class JobWorker : BackgroundService
{
    private readonly JobRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger<JobWorker> _log;

    public JobWorker(JobRunner runner, TimeProvider time, IConfiguration config, ILogger<JobWorker> log)
    {
        (_runner, _time, _log) = (runner, time, log);
        HeartbeatStale = Minutes(config, "Jobs:HeartbeatStaleMinutes", JobRunner.DefaultHeartbeatStale);
        // SQLite is for one process: every job it finds running at start was abandoned, and none while it runs.
        SweepEvery = DatabaseSetup.IsPostgres(config)
            ? Minutes(config, "Jobs:SweepEveryMinutes", HeartbeatStale / 5 < DefaultSweepEvery ? HeartbeatStale / 5 : DefaultSweepEvery)
            : null;
    }

    /// <summary>The default sweep: every minute, or a fifth of a shorter <see cref="HeartbeatStale"/>, so a job whose
    /// runner died is failed at most that long after its beat went stale.</summary>
    public static readonly TimeSpan DefaultSweepEvery = TimeSpan.FromMinutes(1);

    /// <summary>How long a running job may go without a beat before it counts as abandoned (PostgreSQL).</summary>
    public TimeSpan HeartbeatStale { get; }

    /// <summary>How often this worker fails running jobs whose beat went stale (<c>Jobs:SweepEveryMinutes</c>); null on
    /// SQLite, which recovers only at start.</summary>
    public TimeSpan? SweepEvery { get; }

    private static TimeSpan Minutes(IConfiguration config, string key, TimeSpan fallback)
    {
        var minutes = config.GetValue(key, fallback.TotalMinutes);
        if (!(minutes > 0)) throw new InvalidOperationException($"配置项 {key} 必须大于 0（分钟），现为 {minutes}");
        return TimeSpan.FromMinutes(minutes);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the application finish migrating before the first claim.
        await Task.Delay(TimeSpan.FromSeconds(1), _time, stoppingToken);
        await RecoverAsync(stoppingToken);
        // Started before anyone is told recovery is done, so the sweeps fall due counting from that moment.
        using var sweepTimer = SweepEvery is { } every ? new PeriodicTimer(every, _time) : null;
        _runner.StartupRecoveryDone();
        // Its own loop: the job loop below is busy for as long as a job of this instance runs.
        var sweeping = sweepTimer is null ? Task.CompletedTask : SweepAsync(sweepTimer, stoppingToken);
        try
        {
            await RunJobsAsync(stoppingToken);
        }
        finally
        {
            await sweeping;
        }
    }

    private async Task RunJobsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await _runner.ClaimNextAsync(stoppingToken) is { } id)
                {
                    await _runner.RunAsync(id, stoppingToken);
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _log.LogWarning(ex, "job worker could not claim or finish a job");
            }
            try { await _runner.WaitForWorkAsync(TimeSpan.FromSeconds(2), stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task SweepAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await RecoverAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    private async Task RecoverAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _runner.RecoverAbandonedAsync(HeartbeatStale, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            _log.LogWarning(ex, "could not fail abandoned jobs");
        }
    }
}
