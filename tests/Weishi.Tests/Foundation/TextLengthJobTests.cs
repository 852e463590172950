using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Foundation;

/// <summary>A background job whose save is refused for a too-long text fails with the Chinese message, not "内部错误".</summary>
public class TextLengthJobTests
{
    [Fact]
    public async Task A_job_refused_for_a_too_long_text_fails_with_the_message()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new WithLongTitleJob(database);
        var id = await JobRows.AddRunningAsync(factory, LongTitleJob.JobKind, "长度测试", DateTime.UtcNow);

        await factory.Services.GetRequiredService<JobRunner>().RunAsync(id, CancellationToken.None);

        var job = await JobRows.GetAsync(factory, id);
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Equal("长度测试", job.Title);
        Assert.StartsWith("「", job.Message);
        Assert.Contains("过长，最多 2000 个字（现为 2001 个字），未保存", job.Message);
    }

    private sealed class WithLongTitleJob(TestDatabase database) : WeishiAppFactory(database, seedDemo: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddScoped<IJobHandler, LongTitleJob>());
        }
    }

    /// <summary>Saves a text one character longer than its column.</summary>
    private sealed class LongTitleJob(WeishiDbContext db) : IJobHandler
    {
        public const string JobKind = "long-title-test";
        public string Kind => JobKind;

        public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
        {
            var tracked = await db.Jobs.FindAsync([job.Id], ct);
            tracked!.Title = new string('长', 2001);
            await db.SaveChangesAsync(ct);
            return new JobOutcome(true, "不应到达");
        }
    }
}
