using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Tests.Foundation;

/// <summary>后台任务: a user finds again the jobs they started; the system administrator sees everyone's.</summary>
[Collection(DemoCollection.Name)]
public class JobListTests(DemoApp app)
{
    private async Task<int> AddFinishedAsync(string user, string title, JobStatus status, string message)
    {
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        var userId = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync();
        var now = DateTime.UtcNow;
        var job = new Job
        {
            Kind = "test-list", Title = title, Status = status, Percent = 100, Message = message, CreatedByUserId = userId, CreatedByName = user,
            CreatedAtUtc = now, StartedAtUtc = now, FinishedAtUtc = now,
        };
        db.Jobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    [Fact]
    public async Task Each_user_lists_their_own_jobs_and_the_administrator_all_of_them()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        var own = await AddFinishedAsync("cs-ll", $"导入居民需求 {marker}", JobStatus.Failed, "第 3 行：诉求时间不能晚于今天");
        var theirs = await AddFinishedAsync("cs-lh", $"需求分析 {marker}", JobStatus.Succeeded, "已完成");

        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (status, page) = await staff.GetAsync("/Jobs");
        Assert.Equal(HttpStatusCode.OK, status);
        var row = page.QuerySelector($"[data-testid=jobs] tr[data-job='{own}']");
        Assert.NotNull(row);
        Assert.Contains("未成功", row.TextContent);
        Assert.Contains("诉求时间不能晚于今天", row.TextContent);
        Assert.Equal($"/Jobs/Detail/{own}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector($"[data-testid=jobs] tr[data-job='{theirs}']"));
        // Filtered by status.
        var (_, succeeded) = await staff.GetAsync("/Jobs?status=Succeeded");
        Assert.Null(succeeded.QuerySelector($"[data-testid=jobs] tr[data-job='{own}']"));

        var admin = await Browser.LoginAsync(app.Factory, "admin");
        var (_, all) = await admin.GetAsync("/Jobs");
        Assert.NotNull(all.QuerySelector($"[data-testid=jobs] tr[data-job='{own}']"));
        Assert.NotNull(all.QuerySelector($"[data-testid=jobs] tr[data-job='{theirs}']"));
    }
}
