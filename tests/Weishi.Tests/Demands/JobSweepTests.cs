using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

/// <summary>
/// On PostgreSQL the worker fails, while the app runs, jobs whose runner in any instance stopped beating (the only
/// instance running a job died and the others keep running); SQLite, one process, recovers only at start.
/// </summary>
public class JobSweepTests(GatedJobApp app) : IClassFixture<GatedJobApp>
{
    private const string Password = "Sweeppass123";
    private bool OnPostgres => app.Factory.Database.Provider == "Postgres";

    private Task<Job> JobAsync(int id) => JobRows.GetAsync(app.Factory, id);

    private Task<Job> HeartbeatReachesAsync(int id, DateTime expected) => JobRows.WaitForAsync(app.Factory, id, j => j.HeartbeatAtUtc == expected);

    /// <summary>This app's job worker, on a clock the test moves, past its start-up recovery.</summary>
    private async Task<(JobWorker Worker, JobRunner Runner)> StartWorkerAsync(FakeTimeProvider clock)
    {
        var runner = app.RunnerWith(clock);
        var worker = new JobWorker(runner, clock, app.Factory.Services.GetRequiredService<IConfiguration>(), NullLogger<JobWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        // Its pause before the first claim is on the clock; the worker may not have begun it when the clock first moves.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!runner.StartupRecovery.IsCompleted && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(runner.StartupRecovery, Task.Delay(20));
        }
        await runner.StartupRecovery.WaitAsync(TimeSpan.FromSeconds(1));
        return (worker, runner);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserName == userName) is { } user) return user.Id;
        var (code, _, err) = await CliRunner.RunAsync(app.Factory, "create-user", "--user", userName, "--password", Password, "--role", nameof(AppRole.CommunityStaff), "--scope", "440310001001");
        Assert.True(code == 0, err);
        return (await db.Users.AsNoTracking().SingleAsync(u => u.UserName == userName)).Id;
    }

    /// <summary>Ends a job the test left running, so no later test of this app finds it.</summary>
    private async Task FinishAsync(int id)
    {
        using var scope = app.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Jobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Succeeded));
    }

    [Fact]
    public async Task On_PostgreSQL_a_sweep_while_the_app_runs_fails_a_job_whose_runner_stopped_beating_and_leaves_beating_ones_running()
    {
        if (!OnPostgres) return; // xunit 2 cannot skip at run time; SQLite has the next test
        var clock = GatedJobApp.StillClock();
        var (worker, runner) = await StartWorkerAsync(clock);
        var start = clock.GetUtcNow().UtcDateTime;
        var owner = await UserIdAsync("sweep-staff");
        // An import whose instance died right after it started it: it beat once.
        var dead = await JobRows.AddRunningAsync(app.Factory, "crashed-test-job", "坑梓街道热线导入", start, heartbeatAtUtc: start, createdByUserId: owner);
        // A long job another instance is running, and one this instance's worker claims and runs: both beat.
        var theirs = await JobRows.AddRunningAsync(app.Factory, GatedJob.JobKind, "全区需求挖掘", start);
        var theirRun = app.RunnerWith(clock).RunAsync(theirs, CancellationToken.None);
        int mine;
        using (var scope = app.Factory.Services.CreateScope())
            mine = await runner.EnqueueAsync(scope.ServiceProvider.GetRequiredService<WeishiDbContext>(), new Job { Kind = GatedJob.JobKind, Title = "模型重训" }, CancellationToken.None);
        try
        {
            await app.Gates.For(theirs).Started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await app.Gates.For(mine).Started.Task.WaitAsync(TimeSpan.FromSeconds(60));

            // Beat by beat, until the dead job's beat is older than the window and a sweep has come since.
            Assert.Equal(TimeSpan.FromMinutes(1), worker.SweepEvery);
            var elapsed = TimeSpan.Zero;
            while (elapsed < worker.HeartbeatStale + worker.SweepEvery)
            {
                clock.Advance(JobHeartbeat.BeatEvery);
                elapsed += JobHeartbeat.BeatEvery;
                Assert.Equal(start + elapsed, (await HeartbeatReachesAsync(theirs, start + elapsed)).HeartbeatAtUtc);
                Assert.Equal(start + elapsed, (await HeartbeatReachesAsync(mine, start + elapsed)).HeartbeatAtUtc);
            }

            var failed = await JobRows.WaitForAsync(app.Factory, dead, j => j.Status != JobStatus.Running);
            Assert.Equal((JobStatus.Failed, JobRunner.AbandonedMessage), (failed.Status, failed.Message));
            Assert.NotNull(failed.FinishedAtUtc);
            // The same update spared the jobs whose runners beat, in this instance and the other.
            Assert.Equal(JobStatus.Running, (await JobAsync(theirs)).Status);
            Assert.Equal(JobStatus.Running, (await JobAsync(mine)).Status);

            // The user who submitted the import sees it failed and why, without any instance restarting.
            var browser = await Browser.LoginAsync(app.Factory, "sweep-staff", Password);
            var (status, page) = await browser.GetAsync($"/Jobs/Detail/{dead}");
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
            var progress = page.QuerySelector("[data-testid=job-progress]")!;
            Assert.Equal(nameof(JobStatus.Failed), progress.GetAttribute("data-status"));
            Assert.Contains("未成功", progress.TextContent);
            Assert.Equal(JobRunner.AbandonedMessage, page.QuerySelector("[data-testid=job-message]")!.TextContent);
        }
        finally
        {
            app.Gates.For(theirs).Finish.TrySetResult();
            app.Gates.For(mine).Finish.TrySetResult();
            await theirRun;
            await JobRows.WaitForAsync(app.Factory, mine, j => j.Finished);
            await worker.StopAsync(CancellationToken.None);
        }
        Assert.Equal(JobStatus.Succeeded, (await JobAsync(mine)).Status);
    }

    [Fact]
    public async Task On_SQLite_the_worker_fails_running_jobs_only_at_its_start()
    {
        if (OnPostgres) return; // PostgreSQL has the test above
        var clock = GatedJobApp.StillClock();
        var before = await JobRows.AddRunningAsync(app.Factory, "crashed-test-job", "重启前的导入", clock.GetUtcNow().UtcDateTime);
        var (worker, _) = await StartWorkerAsync(clock);
        Assert.Equal(JobStatus.Failed, (await JobAsync(before)).Status);

        // One process: a job found running later is this process's own, beating or not (SQLite does not beat).
        Assert.Null(worker.SweepEvery);
        var start = clock.GetUtcNow().UtcDateTime;
        var later = await JobRows.AddRunningAsync(app.Factory, "crashed-test-job", "进行中的导入", start, heartbeatAtUtc: start);
        clock.Advance(worker.HeartbeatStale + JobWorker.DefaultSweepEvery * 5);
        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(JobStatus.Running, (await JobAsync(later)).Status);
        await FinishAsync(later);
    }

    [Fact]
    public async Task Two_instances_sweeping_at_once_fail_each_abandoned_job_once()
    {
        var clock = GatedJobApp.StillClock();
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = new List<int>();
        for (var i = 0; i < 3; i++)
            abandoned.Add(await JobRows.AddRunningAsync(app.Factory, "crashed-test-job", $"导入 {i}", now.AddHours(-1), heartbeatAtUtc: now.AddMinutes(-10)));

        var counts = await Task.WhenAll(
            app.RunnerWith(clock).RecoverAbandonedAsync(JobRunner.DefaultHeartbeatStale, CancellationToken.None),
            app.RunnerWith(clock).RecoverAbandonedAsync(JobRunner.DefaultHeartbeatStale, CancellationToken.None));

        Assert.Equal(abandoned.Count, counts.Sum());
        foreach (var id in abandoned)
        {
            var job = await JobAsync(id);
            Assert.Equal((JobStatus.Failed, JobRunner.AbandonedMessage, (DateTime?)now), (job.Status, job.Message, job.FinishedAtUtc));
        }
    }

    [Theory]
    [InlineData(null, null, 60)]            // the default window of 5 minutes: every minute
    [InlineData("2", null, 24)]             // a shorter window: a fifth of it
    [InlineData("30", null, 60)]            // never less often than every minute
    [InlineData("5", "0.5", 30)]            // as set
    public void On_PostgreSQL_the_sweep_comes_every_minute_or_a_fifth_of_a_shorter_window_or_as_set(string? staleMinutes, string? sweepMinutes, int expectedSeconds)
    {
        var worker = WorkerWith(("Database:Provider", "Postgres"), ("Jobs:HeartbeatStaleMinutes", staleMinutes), ("Jobs:SweepEveryMinutes", sweepMinutes));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), worker.SweepEvery);
        Assert.Null(WorkerWith(("Database:Provider", "Sqlite"), ("Jobs:SweepEveryMinutes", sweepMinutes)).SweepEvery);
    }

    [Theory]
    [InlineData("Jobs:SweepEveryMinutes", "0")]
    [InlineData("Jobs:HeartbeatStaleMinutes", "-1")]
    public void A_window_or_sweep_of_no_time_is_refused_at_start(string key, string value)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => WorkerWith(("Database:Provider", "Postgres"), (key, value)));
        Assert.Equal($"配置项 {key} 必须大于 0（分钟），现为 {value}", ex.Message);
    }

    private static JobWorker WorkerWith(params (string Key, string? Value)[] settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Where(s => s.Value is not null)
            .Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        return new JobWorker(null!, TimeProvider.System, config, NullLogger<JobWorker>.Instance);
    }
}
