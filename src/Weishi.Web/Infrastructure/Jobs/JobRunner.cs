using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>Queues jobs, claims them (safely when several app instances share PostgreSQL) and runs one in its own scope.</summary>
public sealed class JobRunner(IServiceScopeFactory scopes, JobProgressBoard board, TimeProvider time, ILogger<JobRunner> log)
{
    private readonly SemaphoreSlim _signal = new(0);

    /// <summary>Adds the job and wakes the background worker.</summary>
    public async Task<int> EnqueueAsync(WeishiDbContext db, Job job, CancellationToken ct)
    {
        job.Status = JobStatus.Queued;
        job.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        db.WhenCommitted(() => _signal.Release());
        return job.Id;
    }

    /// <summary>
    /// Adds a job with an <see cref="Job.ExclusiveKey"/> and wakes the worker, unless a job with that key is queued or
    /// running: then nothing is added and the id of that job is returned with <c>Added</c> false. The database decides
    /// (a unique index on active keys), so two clicks at the same moment add one job.
    /// </summary>
    public async Task<(int JobId, bool Added)> TryEnqueueAsync(WeishiDbContext db, Job job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job.ExclusiveKey);
        while (true)
        {
            if (await ActiveAsync(db, job.ExclusiveKey, ct) is { } active) return (active, false);
            job.Status = JobStatus.Queued;
            job.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
            if (await DbErrors.TryAddAsync(db, job, ct)) break;
            // Another request added one after our look: that one is found next time round (unless it already ended).
        }
        db.WhenCommitted(() => _signal.Release());
        return (job.Id, true);
    }

    private static Task<int?> ActiveAsync(WeishiDbContext db, string key, CancellationToken ct) =>
        db.Jobs.Where(j => j.ExclusiveKey == key && (j.Status == JobStatus.Queued || j.Status == JobStatus.Running))
            .Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);

    public Task WaitForWorkAsync(TimeSpan max, CancellationToken ct) => _signal.WaitAsync(max, ct);

    /// <summary>
    /// Marks the oldest queued job this app can run as running and returns its id, or null when none waits (see
    /// <see cref="JobClaims"/>). Jobs of a kind without a handler here (queued by a newer version of the app during an
    /// upgrade) are left for an instance that has one.
    /// </summary>
    public async Task<int?> ClaimNextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        _kinds ??= [.. sp.GetServices<IJobHandler>().Select(h => h.Kind)];
        return await JobClaims.NextAsync(sp.GetRequiredService<WeishiDbContext>(), _kinds, time.GetUtcNow().UtcDateTime, ct);
    }

    private string[]? _kinds;

    /// <summary>
    /// For the CLI: saves a job already claimed by the caller (running, never queued), so no worker of an app on the
    /// same database can take it; the caller then runs it with <see cref="RunAsync"/>.
    /// </summary>
    public async Task<int> AddClaimedAsync(WeishiDbContext db, Job job, CancellationToken ct)
    {
        job.Status = JobStatus.Running;
        job.CreatedAtUtc = time.GetUtcNow().UtcDateTime;
        job.StartedAtUtc = job.CreatedAtUtc;
        db.Jobs.Add(job);
        await db.SaveChangesAsync(ct);
        return job.Id;
    }

    /// <summary>Runs a claimed job to its end and records the outcome; never throws for the job's own failures.</summary>
    public async Task RunAsync(int jobId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<WeishiDbContext>();
        var job = await db.Jobs.SingleAsync(j => j.Id == jobId, ct);
        job.Status = JobStatus.Running;
        job.StartedAtUtc ??= time.GetUtcNow().UtcDateTime;
        job.HeartbeatAtUtc = time.GetUtcNow().UtcDateTime;
        job.Message = "开始处理";
        await db.SaveChangesAsync(ct);
        board.Set(jobId, 0, "开始处理");
        // Other instances share PostgreSQL: the row shows them progress and that this runner is alive. SQLite has one
        // process, and an import's write transaction holds its only writer.
        var shared = db.Database.IsNpgsql();
        var progress = new JobProgressBoard.Reporter(board, jobId, shared ? PersistProgressAsync : null);
        var heartbeat = shared ? new JobHeartbeat(time, stop => PersistHeartbeatAsync(jobId, stop)) : null;

        JobOutcome outcome;
        try
        {
            var handler = sp.GetServices<IJobHandler>().SingleOrDefault(h => h.Kind == job.Kind)
                ?? throw new InvalidOperationException($"no handler for job kind {job.Kind}");
            outcome = await handler.RunAsync(job, progress, ct);
        }
        catch (TextTooLongException ex)
        {
            outcome = new JobOutcome(false, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "job {JobId} ({Kind}) failed", jobId, job.Kind);
            outcome = new JobOutcome(false, "处理时发生内部错误，请联系系统管理员。");
        }
        finally
        {
            // No progress write or beat after the handler ended, even when it was cancelled.
            if (heartbeat is not null) await heartbeat.DisposeAsync();
            await progress.FlushAsync();
        }

        using var finishScope = scopes.CreateScope();
        var finishDb = finishScope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var done = await finishDb.Jobs.SingleAsync(j => j.Id == jobId, ct);
        // Another instance found no recent beat and marked the job abandoned (a paused machine, a long lost database
        // connection), yet the handler ran to its end: what it did is the truth, so its outcome replaces the guess.
        if (done.Status == JobStatus.Failed)
            log.LogWarning("job {JobId} ({Kind}) ended after it had been marked abandoned; its outcome is recorded", jobId, job.Kind);
        done.Status = outcome.Succeeded ? JobStatus.Succeeded : JobStatus.Failed;
        done.Percent = 100;
        done.Message = outcome.Message;
        done.ResultPath = outcome.ResultPath;
        done.ResultFileName = outcome.ResultFileName;
        done.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        await finishDb.SaveChangesAsync(ct);
        board.Remove(jobId);
    }

    /// <summary>
    /// Writes live progress to a running job's row, which also shows the runner is alive (see <see cref="StampRunningAsync"/>).
    /// </summary>
    public Task PersistProgressAsync(int jobId, int percent, string message) =>
        StampRunningAsync(jobId, (percent, message), CancellationToken.None);

    /// <summary>The periodic beat of <see cref="JobHeartbeat"/>.</summary>
    private Task PersistHeartbeatAsync(int jobId, CancellationToken stop) => StampRunningAsync(jobId, null, stop);

    /// <summary>
    /// Stamps a running job's row as alive, with its progress when given, on a connection of its own (the handler's may be
    /// inside a long transaction). Only while the job is still running, so a late write cannot undo the final state or
    /// revive a job another instance marked abandoned. A failed write is logged, not thrown: the job goes on.
    /// </summary>
    private async Task StampRunningAsync(int jobId, (int Percent, string Message)? progress, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var now = time.GetUtcNow().UtcDateTime;
            await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Running).ExecuteUpdateAsync(s =>
            {
                s.SetProperty(j => j.HeartbeatAtUtc, now);
                if (progress is { } p) s.SetProperty(j => j.Percent, p.Percent).SetProperty(j => j.Message, p.Message);
            }, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "{What} of job {JobId} not saved", progress is null ? "heartbeat" : "progress", jobId);
        }
    }

    /// <summary>
    /// How long a running job on PostgreSQL may go without a beat before another instance counts it as abandoned
    /// (<c>Jobs:HeartbeatStaleMinutes</c>): ten missed beats, enough for a database hiccup, a long pause of the runner's
    /// process and a minute or two of clock difference between machines, short enough that a crashed job is failed
    /// soon (<see cref="JobWorker"/> sweeps every minute).
    /// </summary>
    public static readonly TimeSpan DefaultHeartbeatStale = TimeSpan.FromMinutes(5);

    private readonly TaskCompletionSource _startupRecovery = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this process's <see cref="JobWorker"/> has failed the jobs an earlier process left running
    /// (or tried to): a job added as running before that may be taken for one of them.</summary>
    public Task StartupRecovery => _startupRecovery.Task;

    internal void StartupRecoveryDone() => _startupRecovery.TrySetResult();

    public const string AbandonedMessage = "服务在任务进行中停止（崩溃或重启），任务已中止。导入为全部成功或全部不导入，本次未导入任何数据，请重新提交。";

    /// <summary>
    /// Fails jobs a crash left "running"; <see cref="JobWorker"/> calls it at start and, on PostgreSQL, periodically.
    /// They are not re-queued: a job that crashed the process would crash it again on every start, and the
    /// all-or-nothing import left nothing behind, so resubmitting is safe. On SQLite only this process runs jobs, so at
    /// its start every running job is abandoned; on PostgreSQL other instances may be running theirs, so only jobs whose
    /// runner has not shown it is alive (<see cref="Job.HeartbeatAtUtc"/>, else the start) for longer than
    /// <paramref name="heartbeatStale"/> count, however long ago they started. One conditional update: of instances
    /// sweeping at once, each row is changed by one (PostgreSQL re-checks the condition after the first one's row lock),
    /// and a beat saved before it keeps the job running.
    /// </summary>
    public async Task<int> RecoverAbandonedAsync(TimeSpan heartbeatStale, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var running = db.Jobs.Where(j => j.Status == JobStatus.Running);
        if (db.Database.IsNpgsql())
        {
            var cutoff = now - heartbeatStale;
            running = running.Where(j => (j.HeartbeatAtUtc ?? j.StartedAtUtc ?? DateTime.MinValue) < cutoff);
        }
        var recovered = await running.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed)
            .SetProperty(j => j.Message, AbandonedMessage).SetProperty(j => j.FinishedAtUtc, now), ct);
        if (recovered > 0)
            log.LogWarning("{Count} running job(s) whose runner stopped (crashed or restarted; on PostgreSQL no heartbeat for {Stale}) were marked failed", recovered, heartbeatStale);
        return recovered;
    }
}
