using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

/// <summary>
/// Several app instances (and the CLI) share one database: a queued job is claimed by exactly one runner, a worker
/// leaves kinds it cannot run to others, and a job the CLI runs is never queued for a worker.
/// </summary>
[Collection(DemoCollection.Name)]
public class JobClaimTests(DemoApp app)
{
    // A kind this app has no handler for, so the demo app's own worker leaves these test jobs alone.
    private const string RaceKind = "claim-race-test";

    private async Task<int> AddQueuedAsync(string kind)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var job = new Job { Kind = kind, Title = "并发领取测试", Status = JobStatus.Queued, CreatedAtUtc = DateTime.UtcNow };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    [Fact]
    public async Task Two_runners_racing_for_one_queued_job_claim_it_once()
    {
        var id = await AddQueuedAsync(RaceKind);
        // The other runner claims between this one's choice of the job and its claiming update.
        var other = new OtherRunnerClaimsFirst(app.Factory);
        int? mine;
        using (var scope = app.Factory.Services.CreateScope())
        await using (var db = app.Factory.SystemContextWith(scope, other))
            mine = await JobClaims.NextAsync(db, [RaceKind], DateTime.UtcNow, CancellationToken.None);

        Assert.True(other.Ran);
        Assert.Equal(id, other.Claimed);
        Assert.Null(mine);
        Assert.Equal(JobStatus.Running, (await JobRows.GetAsync(app.Factory, id)).Status);
    }

    [Fact]
    public async Task Runners_claiming_at_the_same_time_take_every_queued_job_exactly_once()
    {
        var ids = new List<int>();
        for (var i = 0; i < 6; i++) ids.Add(await AddQueuedAsync(RaceKind + "-many"));
        async Task<List<int>> RunnerAsync()
        {
            var taken = new List<int>();
            using var scope = app.Factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            while (await JobClaims.NextAsync(db, [RaceKind + "-many"], DateTime.UtcNow, CancellationToken.None) is { } id) taken.Add(id);
            return taken;
        }
        var taken = (await Task.WhenAll(RunnerAsync(), RunnerAsync(), RunnerAsync(), RunnerAsync())).SelectMany(t => t).Order().ToList();
        Assert.Equal(ids, taken);
    }

    [Fact]
    public async Task A_worker_leaves_a_job_of_a_kind_it_cannot_run_in_the_queue()
    {
        var id = await AddQueuedAsync("kind-of-a-newer-version");
        try
        {
            var runner = app.Factory.Services.GetRequiredService<JobRunner>();
            while (await runner.ClaimNextAsync(CancellationToken.None) is { } claimed) Assert.NotEqual(id, claimed);
            Assert.Equal(JobStatus.Queued, (await JobRows.GetAsync(app.Factory, id)).Status);
        }
        finally
        {
            using var scope = app.Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Jobs.Where(j => j.Id == id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task A_job_the_command_line_runs_is_never_queued_for_a_worker()
    {
        var marker = "CLI" + Guid.NewGuid().ToString("N")[..8];
        var csv = "工单编号,受理时间,诉求内容,诉求地址,类别,备注\r\n" + marker + "-0,2025-09-03 09:15,六联社区路灯不亮 " + marker + ",坪山街道六联社区,市政,\r\n";
        using var scope = app.Factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        string stored;
        using (var input = new MemoryStream(Encoding.UTF8.GetBytes(csv)))
            stored = await sp.GetRequiredService<FileStore>().SaveAsync("imports", ".upload", input, CancellationToken.None);
        var job = DemandImportJob.Create(new DemandImportJob.Parameters(DemandChannel.Hotline, null, null, "命令行", "cli.csv"), stored);
        // A worker of another instance looks for queued imports right after the CLI stored its job.
        var worker = new WorkerClaimsAfterSave(app.Factory);
        var runner = sp.GetRequiredService<JobRunner>();
        int id;
        await using (var db = app.Factory.SystemContextWith(scope, worker))
            id = await runner.AddClaimedAsync(db, job, CancellationToken.None);
        await runner.RunAsync(id, CancellationToken.None);

        Assert.True(worker.Ran);
        Assert.NotEqual(id, worker.Claimed);
        var done = await JobRows.GetAsync(app.Factory, id);
        Assert.Equal(JobStatus.Succeeded, done.Status);
        Assert.Contains("新增 1 条", done.Message);
        Assert.Single(await DemandHelpers.DemandsContainingAsync(app.Factory, marker));
    }

    [Fact]
    public async Task The_import_command_runs_its_job_here_while_the_web_worker_runs()
    {
        var marker = "CMD" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(Path.GetTempPath(), $"weishi-cli-{marker}.csv");
        await File.WriteAllTextAsync(file, "工单编号,受理时间,诉求内容,诉求地址,类别,备注\r\n" + marker + "-0,2025-09-04 10:00,六和社区增设休息座椅 " + marker + ",坪山街道六和社区,,\r\n");
        try
        {
            var (code, output, err) = await CliRunner.RunAsync(app.Factory, "import-demands", "--file", file);
            Assert.True(code == 0, output + err);
            Assert.Contains("导入完成：新增 1 条", output);
            Assert.Single(await DemandHelpers.DemandsContainingAsync(app.Factory, marker));
        }
        finally { File.Delete(file); }
    }


    /// <summary>Before the first update of a job row, "another runner" claims a race-test job on a context of its own.</summary>
    private sealed class OtherRunnerClaimsFirst(WeishiAppFactory factory) : DbCommandInterceptor
    {
        public bool Ran { get; private set; }
        public int? Claimed { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Ran && command.CommandText.Contains("UPDATE \"Jobs\"", StringComparison.Ordinal))
            {
                Ran = true;
                using var scope = factory.Services.CreateScope();
                Claimed = await JobClaims.NextAsync(scope.ServiceProvider.GetRequiredService<WeishiDbContext>(), [RaceKind], DateTime.UtcNow, cancellationToken);
            }
            return result;
        }
    }

    /// <summary>Right after the first save, "another instance's worker" claims the oldest queued import.</summary>
    private sealed class WorkerClaimsAfterSave(WeishiAppFactory factory) : SaveChangesInterceptor
    {
        public bool Ran { get; private set; }
        public int? Claimed { get; private set; }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (!Ran)
            {
                Ran = true;
                using var scope = factory.Services.CreateScope();
                Claimed = await JobClaims.NextAsync(scope.ServiceProvider.GetRequiredService<WeishiDbContext>(), [DemandImportJob.JobKind], DateTime.UtcNow, cancellationToken);
            }
            return result;
        }
    }
}
