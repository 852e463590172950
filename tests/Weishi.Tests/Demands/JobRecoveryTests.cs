using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

/// <summary>A job left "running" by a crash is marked failed with a Chinese message when the worker starts.</summary>
[Collection(DemoCollection.Name)]
public class JobRecoveryTests(DemoApp app)
{
    private Task<int> AddRunningAsync(DateTime startedAtUtc) => JobRows.AddRunningAsync(app.Factory, "crashed-test-job", "崩溃前的导入", startedAtUtc);

    private Task<Job> JobAsync(int id) => JobRows.GetAsync(app.Factory, id);

    [Fact]
    public async Task A_job_left_running_by_a_crash_is_marked_failed_with_a_message()
    {
        var stale = await AddRunningAsync(DateTime.UtcNow.AddHours(-3));
        var fresh = await AddRunningAsync(DateTime.UtcNow);
        var runner = app.Factory.Services.GetRequiredService<JobRunner>();

        Assert.True(await runner.RecoverAbandonedAsync(TimeSpan.FromMinutes(60), CancellationToken.None) >= 1);
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
}
