using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Budgets;

/// <summary>
/// A community's money for one year: district funds plus the city's 1:1 subsidy (capped per year).
/// Committed and spent amounts are derived from projects and disbursements, never stored here.
/// </summary>
public class AnnualBudget : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int Year { get; set; }
    public long DistrictFundsFen { get; set; }
    /// <summary>Bumped by every commitment so that two racing approvals cannot both pass.</summary>
    public int Version { get; set; }

    public static long CitySubsidy(long districtFundsFen, long capFen) => Math.Min(districtFundsFen, capFen);
}
