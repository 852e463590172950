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
        _signal.Release();
        return job.Id;
    }

    public Task WaitForWorkAsync(TimeSpan max, CancellationToken ct) => _signal.WaitAsync(max, ct);

    /// <summary>Marks the oldest queued job as running and returns its id, or null when none waits.</summary>
    public async Task<int?> ClaimNextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        if (db.Database.IsNpgsql())
        {
            var ids = await db.Database.SqlQueryRaw<int>("""
                UPDATE "Jobs" SET "Status" = {0}, "StartedAtUtc" = {1}
                WHERE "Id" = (SELECT "Id" FROM "Jobs" WHERE "Status" = {2} ORDER BY "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """, (int)JobStatus.Running, now, (int)JobStatus.Queued).ToListAsync(ct);
            return ids.Count == 0 ? null : ids[0];
        }
        // SQLite has one writer at a time; the conditional update makes a claim by another process lose cleanly.
        while (true)
        {
            var next = await db.Jobs.Where(j => j.Status == JobStatus.Queued).OrderBy(j => j.Id).Select(j => (int?)j.Id).FirstOrDefaultAsync(ct);
            if (next is null) return null;
            var claimed = await db.Jobs.Where(j => j.Id == next && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running).SetProperty(j => j.StartedAtUtc, now), ct);
            if (claimed == 1) return next;
        }
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
        job.Message = "开始处理";
        await db.SaveChangesAsync(ct);
        board.Set(jobId, 0, "开始处理");
        var progress = new JobProgressBoard.Reporter(board, jobId, db.Database.IsNpgsql() ? PersistProgressAsync : null);

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
            await progress.FlushAsync(); // no progress write after the handler ended, even when it was cancelled
        }

        using var finishScope = scopes.CreateScope();
        var finishDb = finishScope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var done = await finishDb.Jobs.SingleAsync(j => j.Id == jobId, ct);
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
    /// Writes live progress to a running job's row on a connection of its own (the handler's may be inside a long
    /// transaction). Only while the job is still running, so a late write cannot undo the final state.
    /// </summary>
    public async Task PersistProgressAsync(int jobId, int percent, string message)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Running)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Percent, percent).SetProperty(j => j.Message, message));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "progress of job {JobId} not saved", jobId);
        }
    }

    public const string AbandonedMessage = "服务在任务进行中停止（崩溃或重启），任务已中止。导入为全部成功或全部不导入，本次未导入任何数据，请重新提交。";

    /// <summary>
    /// Fails jobs a crash left "running". They are not re-queued: a job that crashed the process would crash it again
    /// on every start, and the all-or-nothing import left nothing behind, so resubmitting is safe. On SQLite only this
    /// process runs jobs, so every running job is abandoned; on PostgreSQL other instances may be busy, so only jobs
    /// started longer ago than <paramref name="staleAfter"/> count.
    /// </summary>
    public async Task<int> RecoverAbandonedAsync(TimeSpan staleAfter, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var running = db.Jobs.Where(j => j.Status == JobStatus.Running);
        if (db.Database.IsNpgsql())
        {
            var cutoff = now - staleAfter;
            running = running.Where(j => j.StartedAtUtc == null || j.StartedAtUtc < cutoff);
        }
        var recovered = await running.ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Failed)
            .SetProperty(j => j.Message, AbandonedMessage).SetProperty(j => j.FinishedAtUtc, now), ct);
        if (recovered > 0) log.LogWarning("{Count} job(s) left running by an earlier process were marked failed", recovered);
        return recovered;
    }

    /// <summary>For the CLI: claims and runs the given job now, in this process.</summary>
    public async Task RunNowAsync(int jobId, CancellationToken ct)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var claimed = await db.Jobs.Where(j => j.Id == jobId && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running), ct);
            if (claimed == 0) throw new InvalidOperationException($"job {jobId} is not queued");
        }
        await RunAsync(jobId, ct);
    }
}
