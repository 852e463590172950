using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Projects;

/// <summary>资金拨付: money paid out for a project; spending is the sum of these.</summary>
public class Disbursement : IAudited, IProjectChild
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public DateOnly PaidOn { get; set; }
    public long AmountFen { get; set; }
    public required string Stage { get; set; }
    public string? VoucherNo { get; set; }
}
