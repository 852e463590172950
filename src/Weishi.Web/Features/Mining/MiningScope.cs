using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>Which regions' needs a mining of a region covers: the region itself and every region below it.</summary>
public static class MiningScope
{
    public static async Task<List<int>> RegionAndBelowAsync(WeishiDbContext db, int regionId, CancellationToken ct) =>
        await db.Regions.IgnoreQueryFilters()
            .Where(r => r.Id == regionId || r.ParentId == regionId || (r.Parent != null && r.Parent.ParentId == regionId))
            .Select(r => r.Id).ToListAsync(ct);

    /// <summary>The regions a user may mine: those they can read, at every level, largest first.</summary>
    public static async Task<List<Region>> SelectableRegionsAsync(WeishiDbContext db, CancellationToken ct)
    {
        var scope = db.Scope;
        var all = await db.Regions.AsNoTracking().OrderBy(r => r.Level).ThenBy(r => r.Code).ToListAsync(ct);
        return [.. all.Where(r => scope.CanRead(r.Id))];
    }
}
