using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

/// <summary>
/// A running job's row shows that its runner is alive (PostgreSQL), so an instance starting while a long job runs
/// leaves it alone; a job marked abandoned that nevertheless finishes records what it really did.
/// </summary>
public class JobHeartbeatTests(GatedJobApp app) : IClassFixture<GatedJobApp>
{
    private bool OnPostgres => app.Factory.Database.Provider == "Postgres";

    private Task<Job> JobAsync(int id) => JobRows.GetAsync(app.Factory, id);

    private Task<Job> HeartbeatReachesAsync(int id, DateTime expected) => JobRows.WaitForAsync(app.Factory, id, j => j.HeartbeatAtUtc == expected);

    [Fact]
    public async Task The_heartbeat_advances_while_the_handler_works()
    {
        var clock = GatedJobApp.StillClock();
        var runner = app.RunnerWith(clock);
        var start = clock.GetUtcNow().UtcDateTime;
        var id = await JobRows.AddRunningAsync(app.Factory, GatedJob.JobKind, "全区需求挖掘", start);
        var gate = app.Gates.For(id);

        var run = runner.RunAsync(id, CancellationToken.None);
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(start, (await JobAsync(id)).HeartbeatAtUtc);
        for (var beat = 1; beat <= 3; beat++)
        {
            clock.Advance(JobHeartbeat.BeatEvery);
            if (OnPostgres) Assert.Equal(start + JobHeartbeat.BeatEvery * beat, (await HeartbeatReachesAsync(id, start + JobHeartbeat.BeatEvery * beat)).HeartbeatAtUtc);
        }
        gate.Finish.SetResult();
        await run;

        var done = await JobAsync(id);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        // SQLite has one process and no other instance to tell: the row is not written while the handler works.
        Assert.Equal(OnPostgres ? start + JobHeartbeat.BeatEvery * 3 : start, done.HeartbeatAtUtc);
    }

    [Fact]
    public async Task A_job_marked_abandoned_that_then_finishes_records_its_real_outcome()
    {
        var clock = GatedJobApp.StillClock();
        var runner = app.RunnerWith(clock);
        var id = await JobRows.AddRunningAsync(app.Factory, GatedJob.JobKind, "大批量导入", clock.GetUtcNow().UtcDateTime);
        var gate = app.Gates.For(id);
        var run = runner.RunAsync(id, CancellationToken.None);
        await gate.Started.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // Another instance starts after the runner could not beat for longer than the window (its machine was paused).
        using (app.Factory.Clock.Advance(JobRunner.DefaultHeartbeatStale + TimeSpan.FromMinutes(1)))
            await app.Factory.Services.GetRequiredService<JobRunner>().RecoverAbandonedAsync(JobRunner.DefaultHeartbeatStale, CancellationToken.None);
        Assert.Equal(JobStatus.Failed, (await JobAsync(id)).Status);
        // The runner's late progress does not turn it back to running.
        await runner.PersistProgressAsync(id, 80, "正在写入");
        var failed = await JobAsync(id);
        Assert.Equal((JobStatus.Failed, JobRunner.AbandonedMessage), (failed.Status, failed.Message));

        gate.Finish.SetResult();
        await run;

        var done = await JobAsync(id);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Equal(GatedJob.Done, done.Message);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, done.FinishedAtUtc);
    }
}
