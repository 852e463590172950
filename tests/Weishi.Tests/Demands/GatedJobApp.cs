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

/// <summary>The application with <see cref="GatedJob"/> and without its job worker, whose recovery at start would
/// otherwise fail the tests' running jobs on SQLite at a moment of its choosing: a test that needs a worker starts one
/// on a clock it moves.</summary>
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

    /// <summary>A clock standing still at a whole second (PostgreSQL keeps microseconds) until the test moves it.</summary>
    public static FakeTimeProvider StillClock()
    {
        var now = DateTimeOffset.UtcNow;
        return new FakeTimeProvider(now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)));
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

internal sealed class WithGatedJob(TestDatabase database, Gates gates) : WeishiAppFactory(database, seedDemo: false)
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
internal sealed class GatedJob(Gates gates) : IJobHandler
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
