using Microsoft.AspNetCore.Authorization;
using Weishi.Web.Features.Accounts;

namespace Weishi.Web.Infrastructure.Auth;

/// <summary>Who may open which part of the application. Row-level scope is applied by the database context.</summary>
public static class Policies
{
    public const string Programme = nameof(Programme);
    public const string RegionStaff = nameof(RegionStaff);
    public const string District = nameof(District);
    public const string Audit = nameof(Audit);
    public const string System = nameof(System);
    public const string ModelAdmin = nameof(ModelAdmin);
    public const string Statistics = nameof(Statistics);
    public const string Finance = nameof(Finance);

    public static void Configure(AuthorizationOptions o)
    {
        o.AddPolicy(Programme, p => p.RequireRole(AppRoles.CommunityStaff, AppRoles.SubdistrictOfficer, AppRoles.DistrictAdmin,
            AppRoles.FinanceEvaluator, AppRoles.Auditor, AppRoles.Contractor));
        o.AddPolicy(RegionStaff, p => p.RequireRole(AppRoles.CommunityStaff, AppRoles.SubdistrictOfficer, AppRoles.DistrictAdmin));
        o.AddPolicy(Statistics, p => p.RequireRole(AppRoles.CommunityStaff, AppRoles.SubdistrictOfficer, AppRoles.DistrictAdmin,
            AppRoles.FinanceEvaluator, AppRoles.Auditor));
        o.AddPolicy(Finance, p => p.RequireRole(AppRoles.FinanceEvaluator));
        o.AddPolicy(District, p => p.RequireRole(AppRoles.DistrictAdmin));
        o.AddPolicy(Audit, p => p.RequireRole(AppRoles.Auditor, AppRoles.SystemAdmin));
        o.AddPolicy(System, p => p.RequireRole(AppRoles.SystemAdmin));
        o.AddPolicy(ModelAdmin, p => p.RequireRole(AppRoles.DistrictAdmin, AppRoles.SystemAdmin));
    }
}
