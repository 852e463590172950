using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Accounts;

/// <summary>A role held by a user within one scope: a region (community, subdistrict, district) or a contractor.</summary>
public class RoleAssignment : IAudited
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public AppRole Role { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }
    public int? ContractorId { get; set; }
    public Contractor? Contractor { get; set; }
}
