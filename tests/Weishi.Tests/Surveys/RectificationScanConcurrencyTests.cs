using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Surveys;

/// <summary>
/// Every instance runs the daily rectification scan: a project gets one rectification however many scans run, one
/// after the other or at the same time (the unique index on the project, and the scan giving way to the one that stored
/// it first while it goes on with the other projects).
/// </summary>
[Collection(DemoCollection.Name)]
public class RectificationScanConcurrencyTests(DemoApp app)
{
    private async Task<List<Rectification>> RectificationsAsync(int project)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).Rectifications.IgnoreQueryFilters().AsNoTracking().Where(r => r.ProjectId == project).ToListAsync();
    }

    [Fact]
    public async Task The_database_keeps_one_rectification_per_project()
    {
        var project = await SurveyTestData.SurveyedAsync(app.Factory, 2059, SurveyTestData.Low(10));
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var survey = await db.Surveys.IgnoreQueryFilters().SingleAsync(s => s.ProjectId == project);
        Rectification Opened(string owner) => new()
        {
            ProjectId = project, SurveyId = survey.Id, LowItems = "总体满意度 均值 2.80", Owner = owner, OpenedAtUtc = DateTime.UtcNow, DueOn = new DateOnly(2059, 12, 31),
        };
        db.Rectifications.Add(Opened("第一次扫描"));
        await db.SaveChangesAsync();
        db.Rectifications.Add(Opened("第二次扫描"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(["第一次扫描"], (await RectificationsAsync(project)).Select(r => r.Owner));
    }

    [Fact]
    public async Task A_scan_that_loses_the_race_for_a_project_keeps_the_one_stored_first_and_opens_the_others()
    {
        const int year = 2060;
        var first = await SurveyTestData.SurveyedAsync(app.Factory, year, SurveyTestData.Low(10));
        var second = await SurveyTestData.SurveyedAsync(app.Factory, year, SurveyTestData.Low(10));
        // Another instance stores the first project's rectification between this scan's look for candidates and its save.
        var other = new OtherInstanceOpens(app.Factory, first);
        int opened;
        using (var scope = app.Factory.Services.CreateScope())
        await using (var db = SurveyTestData.SystemContextWith(app.Factory, scope, other))
            opened = await new RectificationScanner(db).ScanAsync(year);

        Assert.NotNull(other.StoredId);
        Assert.Equal(1, opened);
        Assert.Equal([other.StoredId.Value], (await RectificationsAsync(first)).Select(r => r.Id));
        Assert.Single(await RectificationsAsync(second));
    }

    [Fact]
    public async Task Scans_run_again_and_at_the_same_time_leave_one_rectification_per_project()
    {
        const int year = 2061;
        var projects = new List<int>();
        for (var i = 0; i < 3; i++) projects.Add(await SurveyTestData.SurveyedAsync(app.Factory, year, SurveyTestData.Low(10)));
        async Task<int> ScanAsync()
        {
            using var scope = app.Factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<RectificationScanner>().ScanAsync(year);
        }
        var opened = await Task.WhenAll(ScanAsync(), ScanAsync(), ScanAsync());
        Assert.Equal(3, opened.Sum());
        Assert.Equal(0, await ScanAsync());
        foreach (var project in projects) Assert.Single(await RectificationsAsync(project));
    }

    /// <summary>
    /// Before the scan's save of the given project's rectification begins its transaction, "another instance" stores one
    /// on a context of its own (during the transaction SQLite would make it wait for this one).
    /// </summary>
    private sealed class OtherInstanceOpens(WeishiAppFactory factory, int project) : DbTransactionInterceptor
    {
        public int? StoredId { get; private set; }

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
            InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (StoredId is null && eventData.Context!.ChangeTracker.Entries<Rectification>().Any(e => e.State == EntityState.Added && e.Entity.ProjectId == project))
            {
                using var scope = factory.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
                var report = await SurveyReport.LoadAsync(db, project, cancellationToken);
                var rectification = SurveyOpening.Assess(report!, "另一实例", DateTime.UtcNow).Opened!;
                db.Rectifications.Add(rectification);
                await db.SaveChangesAsync(cancellationToken);
                StoredId = rectification.Id;
            }
            return result;
        }
    }
}
