using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Contractors;

/// <summary>Anything that belongs to one contractor: a contractor user may only change its own.</summary>
public interface IContractorOwned
{
    int ContractorId { get; }
}

/// <summary>A staff member with qualifications. ID number and phone are never stored in clear.</summary>
public class ContractorStaff : IAudited, IContractorOwned
{
    public int Id { get; set; }
    public int ContractorId { get; set; }
    public required string Name { get; set; }
    /// <summary>Keyed hash of the ID number (identifies the person across contractors without storing it).</summary>
    public string? IdNumberHash { get; set; }
    public string? PhoneEncrypted { get; set; }
    public string? PhoneMasked { get; set; }
    /// <summary>职业资格, e.g. 中级社会工作师, 心理咨询师.</summary>
    public string? Qualification { get; set; }
    /// <summary>职称 or position.</summary>
    public string? Title { get; set; }
    public bool FullTime { get; set; } = true;
}

/// <summary>违规及处罚记录.</summary>
public class ContractorViolation : IAudited, IContractorOwned
{
    public int Id { get; set; }
    public int ContractorId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Description { get; set; }
    public string? Penalty { get; set; }
    public DateTime RecordedAtUtc { get; set; }
}

/// <summary>A past project the contractor declares (outside this system).</summary>
public class DeclaredProject : IAudited, IContractorOwned
{
    public int Id { get; set; }
    public int ContractorId { get; set; }
    public int Year { get; set; }
    public required string Name { get; set; }
    public string? Client { get; set; }
    public long AmountFen { get; set; }
}

public enum SanctionKind
{
    Watch = 1,
    Suspension = 2,
}

/// <summary>重点关注 or 暂停, with reasons and dates; lifted early by setting <see cref="LiftedOn"/>.</summary>
public class ContractorSanction : IAudited, IContractorOwned
{
    public int Id { get; set; }
    public int ContractorId { get; set; }
    public SanctionKind Kind { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public required string Reason { get; set; }
    public DateOnly? LiftedOn { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>The most a user types as a reason: for a measure entered by hand, or when deciding a proposal.</summary>
    public const int TypedReasonMaxLength = 500;

    private const char BasisSeparator = '；';

    /// <summary>The column holds the longest reason of a confirmed proposal (<see cref="FromProposal"/>): basis, separator, typed reason.</summary>
    public const int ReasonMaxLength = SanctionProposal.BasisMaxLength + 1 + TypedReasonMaxLength;

    /// <summary>The reason of a measure confirmed from a proposal: the proposal's basis, then the district's reason.</summary>
    public static string FromProposal(string basis, string typedReason) => basis + BasisSeparator + typedReason;

    public bool ActiveOn(DateOnly day) => StartsOn <= day && (EndsOn is null || EndsOn >= day) && (LiftedOn is null || LiftedOn > day);

    public static string KindName(SanctionKind kind) => kind == SanctionKind.Watch ? "重点关注" : "暂停";
}

public enum ChangeStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
}

/// <summary>A contractor's change to its key registry fields, waiting for the district's confirmation.</summary>
public class ContractorChangeRequest : IAudited, IContractorOwned
{
    public static string StatusName(ChangeStatus status) => status switch { ChangeStatus.Pending => "待区主管部门确认", ChangeStatus.Approved => "已确认", _ => "已退回" };

    public int Id { get; set; }
    public int ContractorId { get; set; }
    public Contractor? Contractor { get; set; }
    /// <summary>The proposed <see cref="KeyFields"/> as JSON.</summary>
    public required string ProposedJson { get; set; }
    public required string Summary { get; set; }
    public ChangeStatus Status { get; set; } = ChangeStatus.Pending;
    public DateTime RequestedAtUtc { get; set; }
    public string? RequestedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? Note { get; set; }
}
