using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Auth;

/// <summary>Writes the user's roles and the regions they cover into the sign-in cookie.</summary>
public sealed class WeishiClaimsFactory(
    UserManager<AppUser> users, IOptions<IdentityOptions> options, WeishiDbContext db)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ScopeClaims.DisplayName, user.DisplayName));
        if (user.PhoneHash is not null) identity.AddClaim(new Claim(ScopeClaims.PhoneHash, user.PhoneHash));
        var assignments = await db.RoleAssignments.AsNoTracking()
            .Where(a => a.UserId == user.Id).ToListAsync();
        var regionIds = new HashSet<int>();
        foreach (var a in assignments)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, a.Role.ToString()));
            if (a.ContractorId is { } cid)
                identity.AddClaim(new Claim(ScopeClaims.Contractor, cid.ToString(CultureInfo.InvariantCulture)));
            if (a.RegionId is { } rid && a.Role is AppRole.CommunityStaff or AppRole.SubdistrictOfficer)
            {
                regionIds.Add(rid);
                var children = await db.Regions.AsNoTracking()
                    .Where(r => r.ParentId == rid && r.Level == RegionLevel.Community)
                    .Select(r => r.Id).ToListAsync();
                regionIds.UnionWith(children);
            }
        }
        if (regionIds.Count > 0)
            identity.AddClaim(new Claim(ScopeClaims.Regions, string.Join(',', regionIds.Order())));
        if (assignments.Any(a => a.Role == AppRole.SubdistrictOfficer && a.RegionId is not null))
            identity.AddClaim(new Claim(ScopeClaims.RegionsVersion, (await RegionsVersionAsync(db)).ToString(CultureInfo.InvariantCulture)));
        return identity;
    }

    /// <summary>
    /// What a subdistrict's set of communities depends on: the number of regions. Regions are only ever added, never
    /// deleted nor moved (<see cref="RegionMaintenance"/>), so the number changes whenever a subdistrict may have gained one.
    /// </summary>
    public static Task<int> RegionsVersionAsync(WeishiDbContext db, CancellationToken ct = default) => db.Regions.CountAsync(ct);
}
