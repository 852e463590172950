using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Projects;

/// <summary>A 民生微实事 project of one community (or, for cross-community work, one subdistrict) in one year.</summary>
public class Project : IRegionScoped, IAudited
{
    public int Id { get; set; }
    /// <summary>Readable code, e.g. 2023-PS-LL-017.</summary>
    public required string Code { get; set; }
    public int Year { get; set; }
    public required string Name { get; set; }
    public ProjectType Type { get; set; }
    public ProjectCategory Category { get; set; }
    public string? Content { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int PlannedBeneficiaries { get; set; }
    public int PlannedSessions { get; set; }
    /// <summary>一次性服务类项目: delivered once, no continuity.</summary>
    public bool IsOneOff { get; set; }
    public int? ContractorId { get; set; }
    public Contractor? Contractor { get; set; }
    public ProjectStatus Status { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime StatusChangedAtUtc { get; set; }
    public List<BudgetLine> BudgetLines { get; set; } = [];
    public List<Disbursement> Disbursements { get; set; } = [];
}
