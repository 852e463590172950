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
        var id = await JobRows.AddRunningAsync(app.Factory, "progress-test-job", "大批量导入", DateTime.UtcNow);
        var runner = app.Factory.Services.GetRequiredService<JobRunner>();
        var board = new JobProgressBoard();
        var progress = new JobProgressBoard.Reporter(board, id, runner.PersistProgressAsync);

        progress.Report(40, "正在检查并写入：已处理 400000 行");
        progress.Report(41, "正在检查并写入：已处理 410000 行"); // within the second: shown here, not written
        await progress.FlushAsync();

        Assert.Equal((41, "正在检查并写入：已处理 410000 行"), board.Get(id));
        var saved = await JobAsync(id);
        Assert.Equal(40, saved.Percent);
        Assert.Equal("正在检查并写入：已处理 400000 行", saved.Message);

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
}
