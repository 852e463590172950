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
    public static async Task<int> AddRunningAsync(WeishiAppFactory factory, string kind, string title, DateTime startedAtUtc, DateTime? heartbeatAtUtc = null)
    {
        // An app with a job worker fails, soon after it starts, every job it finds running (on SQLite): a row added
        // before that would be taken for a job an earlier process left behind.
        if (factory.Services.GetServices<IHostedService>().OfType<JobWorker>().Any())
            await factory.Services.GetRequiredService<JobRunner>().StartupRecovery.WaitAsync(TimeSpan.FromSeconds(60));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var job = new Job { Kind = kind, Title = title, Status = JobStatus.Running, CreatedAtUtc = startedAtUtc, StartedAtUtc = startedAtUtc, HeartbeatAtUtc = heartbeatAtUtc };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    public static async Task<Job> GetAsync(WeishiAppFactory factory, int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Jobs.AsNoTracking().SingleAsync(j => j.Id == id);
    }
}
