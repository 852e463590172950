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
}
