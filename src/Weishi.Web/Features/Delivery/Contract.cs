using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Delivery;

/// <summary>合同: recorded when a project enters 实施中; one per project.</summary>
public class Contract : IProjectRecord, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int ContractorId { get; set; }
    public long AmountFen { get; set; }
    public DateOnly SignedOn { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly EndOn { get; set; }
}

/// <summary>里程碑: a planned step with its deliverable; done when the date is filled.</summary>
public class Milestone : IContractorWritable, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public required string Name { get; set; }
    public required string Deliverable { get; set; }
    public DateOnly PlannedOn { get; set; }
    public DateOnly? DoneOn { get; set; }
}
