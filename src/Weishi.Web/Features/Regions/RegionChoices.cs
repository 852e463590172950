using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Regions;

/// <summary>One entry of a region filter: a subdistrict, or a community (indented under its subdistrict).</summary>
public sealed record RegionOption(int Id, string Name, RegionLevel Level)
{
    public string Label => Level == RegionLevel.Community ? "　" + Name : Name;
}

/// <summary>
/// The subdistricts and communities the current user may read, in code order (each subdistrict followed by its
/// communities): the choices of the lists' and findings' region filters. A region outside them is not the user's to ask for.
/// </summary>
public static class RegionChoices
{
    public static async Task<IReadOnlyList<RegionOption>> VisibleAsync(WeishiDbContext db, CancellationToken ct)
    {
        var all = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.District).OrderBy(r => r.Code)
            .Select(r => new { r.Id, r.Name, r.ShortName, r.Level }).ToListAsync(ct);
        return all.Where(r => db.Scope.CanRead(r.Id))
            .Select(r => new RegionOption(r.Id, r.Level == RegionLevel.Community ? r.ShortName : r.Name, r.Level)).ToList();
    }
}
