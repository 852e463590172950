using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Mining;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// A finished 需求分析 of the district's needs collected for 2023 (September to December 2022), mined by the same
/// code as the background job, so /Mining opens on topics, category shares and duplicates. Only this one run: the
/// engine's topic clustering costs seconds per run even for a few dozen needs, and every test fixture seeds the demo.
/// </summary>
public sealed class DemoMiningBuilder(WeishiDbContext db, MiningModelStore models)
{
    public const string CreatedBy = "演示数据";

    public async Task BuildAsync(CancellationToken ct)
    {
        var district = await db.Regions.AsNoTracking().SingleAsync(r => r.Level == RegionLevel.District, ct);
        // The models the job would use: those shipped with the app on a fresh database.
        var current = await models.CurrentAsync(db, ct);
        // The demo's needs for a year are collected from September to December of the year before.
        var year = DemoYear.FromReport[^1].Year;
        var request = new DemandMining.Request(district.Id, new DateOnly(year - 1, 9, 1), new DateOnly(year - 1, 12, 31), CreatedBy);
        await DemandMining.MineAndStoreAsync(db, current, request, null, ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Deletes every run; their topics and items go with them (cascading foreign keys).</summary>
    public static Task ClearAsync(WeishiDbContext db, CancellationToken ct) => db.MiningRuns.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
}
