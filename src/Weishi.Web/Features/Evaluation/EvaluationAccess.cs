using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Features.Evaluation;

/// <summary>Who may change what; reads are limited by the query filters, and saves are checked again by the context.</summary>
public static class EvaluationAccess
{
    public static bool IsDistrictEvaluator(UserScope s) => s.Has(AppRole.FinanceEvaluator) || s.Has(AppRole.DistrictAdmin);

    /// <summary>The community a community worker self-evaluates, or null.</summary>
    public static int? OwnCommunity(UserScope s) =>
        !IsDistrictEvaluator(s) && s.Has(AppRole.CommunityStaff) && s.RegionIds.Length > 0 ? s.RegionIds[0] : null;

    public static bool CanCreate(UserScope s) => IsDistrictEvaluator(s) || OwnCommunity(s) is not null;

    /// <summary>The one edit rule, for the pages and the save check: a district evaluation (no owner) is the district
    /// evaluators'; a self-evaluation belongs to whoever may write its community.</summary>
    public static bool CanEditOwner(UserScope s, int? ownerRegionId) =>
        ownerRegionId is { } owner ? s.CanWrite(owner) : IsDistrictEvaluator(s);

    public static bool CanEdit(UserScope s, PerformanceEvaluation e) => CanEditOwner(s, e.OwnerRegionId);
}
