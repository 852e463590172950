using System.Globalization;
using System.Security.Claims;
using Weishi.Web.Features.Accounts;

namespace Weishi.Web.Infrastructure.Auth;

/// <summary>Turns the claims written at sign-in back into a <see cref="UserScope"/>.</summary>
public static class ScopeClaims
{
    public const string Regions = "weishi:regions";
    /// <summary>
    /// The number of regions when <see cref="Regions"/> was written, for a subdistrict officer (whose regions grow when a
    /// community is added under the subdistrict): <see cref="SessionCheck"/> writes the claims again when it changed.
    /// </summary>
    public const string RegionsVersion = "weishi:regions-version";
    public const string Contractor = "weishi:contractor";
    public const string DisplayName = "weishi:name";
    public const string PhoneHash = "weishi:phone-hash";

    private static readonly AppRole[] ReadAllRoles =
        [AppRole.DistrictAdmin, AppRole.FinanceEvaluator, AppRole.Auditor, AppRole.SystemAdmin];

    public static UserScope FromPrincipal(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true) return UserScope.Anonymous;
        var roles = principal.FindAll(ClaimTypes.Role)
            .Select(c => Enum.TryParse<AppRole>(c.Value, out var r) ? r : (AppRole?)null)
            .Where(r => r is not null).Select(r => r!.Value).ToHashSet();
        var regions = (principal.FindFirstValue(Regions) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        int? contractor = int.TryParse(principal.FindFirstValue(Contractor), out var c) ? c : null;
        return new UserScope(
            principal.FindFirstValue(ClaimTypes.NameIdentifier),
            principal.Identity.Name ?? "",
            ReadAllRoles.Any(roles.Contains),
            roles.Contains(AppRole.DistrictAdmin),
            regions,
            contractor,
            roles)
        {
            PhoneHash = principal.FindFirstValue(PhoneHash),
        };
    }
}
