using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Admin.Users;

/// <summary>The choices for a role's scope: regions by level and contractors, each by its official code.</summary>
public sealed record ScopeOptions(IReadOnlyList<Region> Regions, IReadOnlyList<(string Code, string Name)> Contractors)
{
    public static async Task<ScopeOptions> LoadAsync(WeishiDbContext db, CancellationToken ct) => new(
        await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct),
        (await db.Contractors.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.CreditCode, c.Name }).ToListAsync(ct))
            .Select(c => (c.CreditCode, c.Name)).ToList());
}
