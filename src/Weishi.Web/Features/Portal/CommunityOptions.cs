using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Portal;

/// <summary>The community tree for pickers: communities grouped under their subdistrict (public data).</summary>
public sealed record CommunityOption(int Id, string Code, string Name, string Subdistrict)
{
    public static async Task<IReadOnlyList<CommunityOption>> LoadAsync(WeishiDbContext db, CancellationToken ct) =>
        await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code)
            .Select(r => new CommunityOption(r.Id, r.Code, r.ShortName, r.Parent!.Name)).ToListAsync(ct);
}
