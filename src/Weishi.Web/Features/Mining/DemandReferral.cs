using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>转办: a need outside the programme's scope handed to the responsible department, with who did it and when.</summary>
public class DemandReferral : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int DemandId { get; set; }
    public Demands.Demand? Demand { get; set; }
    /// <summary>The need's community (copied so the row is scoped without a join).</summary>
    public int RegionId { get; set; }
    public required string Department { get; set; }
    public string? Note { get; set; }
    public string? ReferredByUserId { get; set; }
    public required string ReferredByName { get; set; }
    public DateTime ReferredAtUtc { get; set; }

    /// <summary>Longest department name stored.</summary>
    public const int MaxDepartment = 100;

    /// <summary>
    /// Marks the need referred to the department — the resident's tracking page then shows 转办至：department — and
    /// returns the record of it for the referral list on 需求分析. Both the need page and 需求分析 refer through here.
    /// </summary>
    public static DemandReferral Refer(Demands.Demand demand, string department, string? note, string? userId, string userName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(demand);
        demand.Status = Demands.DemandStatus.Referred;
        demand.StatusReason = department;
        demand.StatusChangedAtUtc = now;
        return new DemandReferral
        {
            DemandId = demand.Id, RegionId = demand.RegionId, Department = department, Note = note,
            ReferredByUserId = userId, ReferredByName = userName, ReferredAtUtc = now,
        };
    }
}
