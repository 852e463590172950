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
public sealed class DemoMiningBuilder(WeishiDbContext db)
{
    public const string CreatedBy = "演示数据";

    /// <summary>The demo's needs for a year are collected from September to December of the year before.</summary>
    public static (DateOnly From, DateOnly To) Round(int year) => (new DateOnly(year - 1, 9, 1), new DateOnly(year - 1, 12, 31));

    public async Task BuildAsync(CancellationToken ct)
    {
        var district = await db.Regions.AsNoTracking().SingleAsync(r => r.Level == RegionLevel.District, ct);
        var (versionId, classifier) = await new ClassifierStore().CurrentAsync(db, ct);
        var (from, to) = Round(DemoYear.FromReport[^1].Year);
        await DemandMining.MineAndStoreAsync(db, versionId, classifier, new DemandMining.Request(district.Id, from, to, CreatedBy), null, ct);
        db.ChangeTracker.Clear();
    }

    public static async Task ClearAsync(WeishiDbContext db, CancellationToken ct)
    {
        await db.MiningItems.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.MiningTopics.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.MiningRuns.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
    }
}
