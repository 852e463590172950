namespace Weishi.Web.Features.Accounts;

/// <summary>The roles of the architecture's table; each assignment binds one to a scope.</summary>
public enum AppRole
{
    Resident = 1,
    CommunityStaff = 2,
    SubdistrictOfficer = 3,
    DistrictAdmin = 4,
    FinanceEvaluator = 5,
    Contractor = 6,
    Auditor = 7,
    SystemAdmin = 8,
}

public static class AppRoles
{
    public const string Resident = nameof(AppRole.Resident);
    public const string CommunityStaff = nameof(AppRole.CommunityStaff);
    public const string SubdistrictOfficer = nameof(AppRole.SubdistrictOfficer);
    public const string DistrictAdmin = nameof(AppRole.DistrictAdmin);
    public const string FinanceEvaluator = nameof(AppRole.FinanceEvaluator);
    public const string Contractor = nameof(AppRole.Contractor);
    public const string Auditor = nameof(AppRole.Auditor);
    public const string SystemAdmin = nameof(AppRole.SystemAdmin);

    public static string DisplayName(AppRole role) => role switch
    {
        AppRole.Resident => "居民",
        AppRole.CommunityStaff => "社区工作人员",
        AppRole.SubdistrictOfficer => "街道工作人员",
        AppRole.DistrictAdmin => "区主管部门",
        AppRole.FinanceEvaluator => "区财政/评价组",
        AppRole.Contractor => "承接单位",
        AppRole.Auditor => "审计监督",
        AppRole.SystemAdmin => "系统管理员",
        _ => role.ToString(),
    };

    /// <summary>What kind of scope a role must be bound to.</summary>
    public static ScopeKind RequiredScope(AppRole role) => role switch
    {
        AppRole.CommunityStaff => ScopeKind.Community,
        AppRole.SubdistrictOfficer => ScopeKind.Subdistrict,
        AppRole.Contractor => ScopeKind.Contractor,
        AppRole.Resident => ScopeKind.None,
        _ => ScopeKind.District,
    };
}

public enum ScopeKind
{
    None,
    Community,
    Subdistrict,
    District,
    Contractor,
}
