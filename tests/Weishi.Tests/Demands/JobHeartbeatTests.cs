using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

/// <summary>
/// A running job's row shows that its runner is alive (PostgreSQL), so an instance starting while a long job runs
/// leaves it alone; a job marked abandoned that nevertheless finishes records what it really did.
/// </summary>
public class JobHeartbeatTests(JobHeartbeatTests.GatedJobApp app) : IClassFixture<JobHeartbeatTests.GatedJobApp>
{
    private bool OnPostgres => app.Factory.Database.Provider == "Postgres";

    private Task<Job> JobAsync(int id) => JobRows.GetAsync(app.Factory, id);

    /// <summary>A clock standing still at a whole second (PostgreSQL keeps microseconds) until the test moves it.</summary>
    private static FakeTimeProvider StillClock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
    }

    private async Task<Job> HeartbeatReachesAsync(int id, DateTime expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var job = await JobAsync(id);
        while (job.HeartbeatAtUtc != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            job = await JobAsync(id);
        }
        return job;
    }

    [Fact]
    public async Task The_heartbeat_advances_while_the_handler_works()
    {
        var clock = StillClock();
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
        var clock = StillClock();
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

    /// <summary>The application with <see cref="GatedJob"/> and without its job worker, whose recovery at start would
    /// otherwise fail these tests' running jobs on SQLite at a moment of its choosing.</summary>
    public sealed class GatedJobApp : IAsyncLifetime
    {
        private TestDatabase? _database;
        public WeishiAppFactory Factory { get; private set; } = null!;
        public Gates Gates { get; } = new();

        public async Task InitializeAsync()
        {
            _database = await TestDatabase.CreateAsync();
            Factory = new WithGatedJob(_database, Gates);
            Factory.StartServer();
        }

        /// <summary>A runner of this application on a clock the test moves.</summary>
        public JobRunner RunnerWith(TimeProvider clock) =>
            new(Factory.Services.GetRequiredService<IServiceScopeFactory>(), new JobProgressBoard(), clock, NullLogger<JobRunner>.Instance);

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            if (_database is not null) await _database.DisposeAsync();
        }
    }

    private sealed class WithGatedJob(TestDatabase database, Gates gates) : WeishiAppFactory(database, seedDemo: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s =>
            {
                s.AddSingleton(gates);
                s.AddScoped<IJobHandler, GatedJob>();
                s.Remove(s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(JobWorker)));
            });
        }
    }

    /// <summary>For each job, when its handler started and when the test lets it finish.</summary>
    public sealed class Gates
    {
        private readonly ConcurrentDictionary<int, Gate> _gates = new();

        public Gate For(int jobId) => _gates.GetOrAdd(jobId, _ => new Gate());
    }

    public sealed class Gate
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Finish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Works until the test lets it finish.</summary>
    private sealed class GatedJob(Gates gates) : IJobHandler
    {
        public const string JobKind = "heartbeat-test";
        public const string Done = "挖掘完成：发现 3 个热点";
        public string Kind => JobKind;

        public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
        {
            var gate = gates.For(job.Id);
            gate.Started.TrySetResult();
            await gate.Finish.Task.WaitAsync(ct);
            return new JobOutcome(true, Done);
        }
    }
}
