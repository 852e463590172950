using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Deviations;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Delivery;

/// <summary>
/// Every instance runs the daily deviation scan: a flag is open once per project and rule however many scans run, one
/// after the other or at the same time (the unique index on open flags, and the scan giving way to the one that
/// stored it first).
/// </summary>
[Collection(DemoCollection.Name)]
public class DeviationScanConcurrencyTests(DemoApp app)
{
    private static readonly DateOnly Today = new(2047, 7, 1);

    // A service project far behind: no session, no person, no payment, no record, since 2047-01-01.
    private Task<int> LaggingProjectAsync() =>
        DeliveryData.ProjectAsync(app.Factory, 2047, start: new DateOnly(2047, 1, 1), plannedSessions: 10, plannedBeneficiaries: 100);

    private async Task<List<DeviationKind>> OpenKindsAsync(int project)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).DeviationFlags.IgnoreQueryFilters()
            .Where(f => f.ProjectId == project && f.ResolvedOn == null).Select(f => f.Kind).ToListAsync();
    }

    [Fact]
    public async Task The_database_keeps_one_open_flag_per_project_and_rule()
    {
        var project = await LaggingProjectAsync();
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var regionId = await db.Projects.Where(p => p.Id == project).Select(p => p.RegionId).SingleAsync();
        DeviationFlag Flag(DateOnly? resolvedOn) => new()
        {
            ProjectId = project, RegionId = regionId, Kind = DeviationKind.NoActivity, Message = "测试", RaisedOn = new DateOnly(2047, 2, 1), ResolvedOn = resolvedOn,
        };
        db.DeviationFlags.AddRange(Flag(new DateOnly(2047, 3, 1)), Flag(new DateOnly(2047, 4, 1)), Flag(null));   // resolved ones may repeat
        await db.SaveChangesAsync();
        db.DeviationFlags.Add(Flag(null));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal([DeviationKind.NoActivity], await OpenKindsAsync(project));
    }

    [Fact]
    public async Task A_scan_that_loses_the_race_for_a_flag_keeps_the_one_stored_first()
    {
        var project = await LaggingProjectAsync();
        // The other instance stores its flags between this scan's reading of the open flags and its saving.
        var other = new OtherInstanceScans(app.Factory, Today);
        using (var scope = app.Factory.Services.CreateScope())
        await using (var db = app.Factory.SystemContextWith(scope, other))
            await new DeviationScanner(db).ScanAsync(Today);
        Assert.True(other.Ran);

        var open = await OpenKindsAsync(project);
        Assert.Contains(DeviationKind.SessionsBehind, open);
        Assert.Contains(DeviationKind.NoActivity, open);
        Assert.Equal(open.Distinct().Count(), open.Count);
    }

    [Fact]
    public async Task Scans_run_again_and_at_the_same_time_leave_one_open_flag_per_rule()
    {
        var project = await LaggingProjectAsync();
        async Task ScanAsync()
        {
            using var scope = app.Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<DeviationScanner>().ScanAsync(Today);
        }
        await ScanAsync();
        await ScanAsync();
        await Task.WhenAll(ScanAsync(), ScanAsync(), ScanAsync());
        var open = await OpenKindsAsync(project);
        Assert.Contains(DeviationKind.SessionsBehind, open);
        Assert.Equal(open.Distinct().Count(), open.Count);
    }


    /// <summary>Before the first save that opens flags, a whole scan by "another instance" on a context of its own.</summary>
    private sealed class OtherInstanceScans(WeishiAppFactory factory, DateOnly today) : SaveChangesInterceptor
    {
        public bool Ran { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!Ran && eventData.Context!.ChangeTracker.Entries<DeviationFlag>().Any(e => e.State == EntityState.Added))
            {
                Ran = true;
                using var scope = factory.Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<DeviationScanner>().ScanAsync(today, cancellationToken);
            }
            return result;
        }
    }
}
