using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

/// <summary>A job left "running" by a crash is marked failed with a Chinese message (when the worker starts, and on
/// PostgreSQL by its sweeps, see <see cref="JobSweepTests"/>).</summary>
[Collection(DemoCollection.Name)]
public class JobRecoveryTests(DemoApp app)
{
    private Task<int> AddRunningAsync(DateTime startedAtUtc, DateTime? heartbeatAtUtc = null) =>
        JobRows.AddRunningAsync(app.Factory, "crashed-test-job", "崩溃前的导入", startedAtUtc, heartbeatAtUtc);

    private Task<Job> JobAsync(int id) => JobRows.GetAsync(app.Factory, id);

    [Fact]
    public async Task A_job_left_running_by_a_crash_is_marked_failed_with_a_message()
    {
        var stale = await AddRunningAsync(DateTime.UtcNow.AddHours(-3));
        var fresh = await AddRunningAsync(DateTime.UtcNow);
        var runner = app.Factory.Services.GetRequiredService<JobRunner>();

        // On PostgreSQL the running app's own sweep may get to the stale job first: the outcome is the same.
        await runner.RecoverAbandonedAsync(JobRunner.DefaultHeartbeatStale, CancellationToken.None);
        var recovered = await JobAsync(stale);
        Assert.Equal(JobStatus.Failed, recovered.Status);
        Assert.Contains("任务已中止", recovered.Message);
        Assert.NotNull(recovered.FinishedAtUtc);
        // On PostgreSQL another instance may be running a recent job: it is left alone. SQLite has only this process.
        Assert.Equal(app.Factory.Database.Provider == "Postgres" ? JobStatus.Running : JobStatus.Failed, (await JobAsync(fresh)).Status);
        // Finished jobs are never touched.
        var before = await JobAsync(stale);
        await runner.RecoverAbandonedAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(before.FinishedAtUtc, (await JobAsync(stale)).FinishedAtUtc);
        Assert.Equal(JobStatus.Failed, (await JobAsync(fresh)).Status);
    }

    [Fact]
    public async Task A_long_job_whose_runner_still_beats_is_left_running_on_PostgreSQL_and_one_whose_beat_stopped_is_failed()
    {
        var now = app.Factory.Clock.GetUtcNow().UtcDateTime;
        // Both started three hours ago (a district-wide mining run); one beat half a minute ago, the other ten minutes ago.
        var beating = await AddRunningAsync(now.AddHours(-3), heartbeatAtUtc: now.AddSeconds(-30));
        var silent = await AddRunningAsync(now.AddHours(-3), heartbeatAtUtc: now.AddMinutes(-10));
        var runner = app.Factory.Services.GetRequiredService<JobRunner>();

        await runner.RecoverAbandonedAsync(JobRunner.DefaultHeartbeatStale, CancellationToken.None);

        var failed = await JobAsync(silent);
        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Contains("任务已中止", failed.Message);
        // On SQLite only this process runs jobs, so at its start every running job was abandoned, beating or not.
        Assert.Equal(app.Factory.Database.Provider == "Postgres" ? JobStatus.Running : JobStatus.Failed, (await JobAsync(beating)).Status);
    }
}
