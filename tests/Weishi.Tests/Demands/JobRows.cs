using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

/// <summary>Job rows written and read straight in the database, for the tests of the job runner.</summary>
internal static class JobRows
{
    public static async Task<int> AddRunningAsync(WeishiAppFactory factory, string kind, string title, DateTime startedAtUtc, DateTime? heartbeatAtUtc = null,
        string? createdByUserId = null)
    {
        // An app with a job worker fails, soon after it starts, every job it finds running (on SQLite): a row added
        // before that would be taken for a job an earlier process left behind.
        if (factory.Services.GetServices<IHostedService>().OfType<JobWorker>().Any())
            await factory.Services.GetRequiredService<JobRunner>().StartupRecovery.WaitAsync(TimeSpan.FromSeconds(60));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var job = new Job { Kind = kind, Title = title, Status = JobStatus.Running, CreatedAtUtc = startedAtUtc, StartedAtUtc = startedAtUtc, HeartbeatAtUtc = heartbeatAtUtc, CreatedByUserId = createdByUserId };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    /// <summary>The job once <paramref name="reached"/> holds of its row (work in the background saved it), or as it is
    /// after half a minute, for the caller's assertion to show.</summary>
    public static async Task<Job> WaitForAsync(WeishiAppFactory factory, int id, Func<Job, bool> reached)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var job = await GetAsync(factory, id);
        while (!reached(job) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            job = await GetAsync(factory, id);
        }
        return job;
    }

    public static async Task<Job> GetAsync(WeishiAppFactory factory, int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }
}
