using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Demands;

/// <summary>Live progress of a running job reaches its row, so another app instance sharing the database shows it.</summary>
[Collection(DemoCollection.Name)]
public class JobProgressTests(DemoApp app)
{
    private Task<Job> JobAsync(int id) => JobRows.GetAsync(app.Factory, id);

    [Fact]
    public async Task Progress_is_saved_on_the_job_row_at_most_once_a_second_and_never_after_the_end()
    {
        // Started a minute ago: within the stale window, so the running app's sweep (PostgreSQL) leaves it alone.
        var startedAtUtc = DateTime.UtcNow.AddMinutes(-1);
        var id = await JobRows.AddRunningAsync(app.Factory, "progress-test-job", "大批量导入", startedAtUtc);
        var runner = app.Factory.Services.GetRequiredService<JobRunner>();
        var board = new JobProgressBoard();
        var progress = new JobProgressBoard.Reporter(board, id, runner.PersistProgressAsync);

        progress.Report(40, "正在检查并写入：已处理 400000 行");
        progress.Report(41, "正在检查并写入：已处理 410000 行"); // within the second, and the job ends before it is up: shown here, never written
        await progress.FlushAsync();

        Assert.Equal((41, "正在检查并写入：已处理 410000 行"), board.Get(id));
        var saved = await JobAsync(id);
        Assert.Equal(40, saved.Percent);
        Assert.Equal("正在检查并写入：已处理 400000 行", saved.Message);
        // A saved report also shows other instances that the runner is alive.
        Assert.True(saved.HeartbeatAtUtc > startedAtUtc, $"heartbeat {saved.HeartbeatAtUtc}");

        using (var scope = app.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Jobs.Where(j => j.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Succeeded).SetProperty(j => j.Percent, 100).SetProperty(j => j.Message, "导入完成"));
        }
        await runner.PersistProgressAsync(id, 50, "迟到的进度");
        var finished = await JobAsync(id);
        Assert.Equal(100, finished.Percent);
        Assert.Equal("导入完成", finished.Message);
    }

    [Fact]
    public async Task A_report_skipped_within_the_second_still_reaches_the_row_about_a_second_later_but_not_after_the_end()
    {
        var id = await JobRows.AddRunningAsync(app.Factory, "progress-test-job", "需求挖掘", DateTime.UtcNow);
        var runner = app.Factory.Services.GetRequiredService<JobRunner>();
        var progress = new JobProgressBoard.Reporter(new JobProgressBoard(), id, runner.PersistProgressAsync);
        var clock = Stopwatch.StartNew();

        progress.Report(60, "分析中");
        progress.Report(90, "保存结果"); // the handler's last report for a long while: within the second, so written later
        var saved = await JobAsync(id);
        while (saved.Message != "保存结果" && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
            saved = await JobAsync(id);
        }
        Assert.Equal((90, "保存结果"), (saved.Percent, saved.Message));
        Assert.True(clock.Elapsed >= JobProgressBoard.Reporter.PersistEvery * 0.9, $"written after {clock.Elapsed}: more than once a second");

        progress.Report(95, "写入文件"); // the job ends before its second is up: never written
        await progress.FlushAsync();
        await Task.Delay(JobProgressBoard.Reporter.PersistEvery * 1.5);
        var ended = await JobAsync(id);
        Assert.Equal((90, "保存结果"), (ended.Percent, ended.Message));
    }

    [Fact]
    public async Task The_reporter_never_waits_for_the_write()
    {
        using var release = new ManualResetEventSlim();
        var written = new List<string>();
        var progress = new JobProgressBoard.Reporter(new JobProgressBoard(), 1, (_, _, message) =>
        {
            release.Wait(TimeSpan.FromSeconds(10)); // a database that hangs, synchronously
            lock (written) written.Add(message);
            return Task.CompletedTask;
        });
        progress.Report(10, "第一条");
        progress.Report(20, "第二条");
        // Had Report run the write itself, it would have returned only after the write: nothing is written yet.
        lock (written) Assert.Empty(written);
        release.Set();
        await progress.FlushAsync();
        Assert.Equal(["第一条"], written);
    }
}
