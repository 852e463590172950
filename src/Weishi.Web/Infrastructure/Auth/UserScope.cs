using Weishi.Web.Features.Accounts;

namespace Weishi.Web.Infrastructure.Auth;

/// <summary>
/// What the current user may read and change. The database context applies it to every query
/// and every save, so no page has to remember to.
/// </summary>
public sealed record UserScope(
    string? UserId,
    string UserName,
    bool ReadAll,
    bool WriteAll,
    int[] RegionIds,
    int? ContractorId,
    IReadOnlySet<AppRole> Roles)
{
    /// <summary>The application itself: migrations, seeding, background jobs, the CLI.</summary>
    public static readonly UserScope System = new(null, "system", true, true, [], null, new HashSet<AppRole>());

    /// <summary>A visitor who has not logged in: sees no scoped business rows.</summary>
    public static readonly UserScope Anonymous = new(null, "anonymous", false, false, [], null, new HashSet<AppRole>());

    /// <summary>The keyed hash of a resident's verified phone (phone-code sign-in): their needs given with that phone are theirs.</summary>
    public string? PhoneHash { get; init; }

    public bool CanRead(int regionId) => ReadAll || RegionIds.Contains(regionId);

    public bool CanWrite(int regionId) => WriteAll || (RegionIds.Contains(regionId) && HasRegionalWriteRole);

    public bool Has(AppRole role) => Roles.Contains(role);

    private bool HasRegionalWriteRole => Has(AppRole.CommunityStaff) || Has(AppRole.SubdistrictOfficer);
}
