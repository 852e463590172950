using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Contractors.Assessment;

/// <summary>
/// The district's thresholds on the yearly assessment score below which a contractor is proposed for the watch list
/// (重点关注) or for suspension (暂停), and for how long a confirmed measure lasts. One row; defaults until saved.
/// </summary>
public class SanctionPolicy : IAudited
{
    public int Id { get; set; }
    public int WatchBelow { get; set; } = DefaultWatchBelow;
    public int SuspendBelow { get; set; } = DefaultSuspendBelow;
    public int Months { get; set; } = DefaultMonths;

    public const int DefaultWatchBelow = 60;
    public const int DefaultSuspendBelow = 40;
    public const int DefaultMonths = 12;

    /// <summary>The measure a yearly score calls for under these thresholds, or null.</summary>
    public SanctionKind? For(double score) =>
        score < SuspendBelow ? SanctionKind.Suspension : score < WatchBelow ? SanctionKind.Watch : null;
}

public enum ProposalStatus
{
    Pending = 1,
    Confirmed = 2,
    Rejected = 3,
}

/// <summary>A watch-list or suspension measure proposed from a year's score; the DistrictAdmin confirms or rejects it with a reason.</summary>
public class SanctionProposal : IAudited, IContractorOwned
{
    public int Id { get; set; }
    public int ContractorId { get; set; }
    public Contractor? Contractor { get; set; }
    public SanctionKind Kind { get; set; }
    public int Year { get; set; }
    public double Score { get; set; }
    public int Threshold { get; set; }
    public required string Basis { get; set; }
    public const int BasisMaxLength = 300;
    public ProposalStatus Status { get; set; } = ProposalStatus.Pending;
    public DateTime ProposedAtUtc { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecidedBy { get; set; }
    public string? DecisionReason { get; set; }
    /// <summary>The measure created when confirmed.</summary>
    public int? SanctionId { get; set; }

    public static string StatusName(ProposalStatus s) => s switch
    {
        ProposalStatus.Pending => "待确认",
        ProposalStatus.Confirmed => "已确认",
        _ => "已驳回",
    };
}

public sealed class SanctionProposalConfiguration : IEntityTypeConfiguration<SanctionProposal>
{
    public void Configure(EntityTypeBuilder<SanctionProposal> b)
    {
        b.Property(p => p.Basis).HasMaxLength(SanctionProposal.BasisMaxLength);
        b.Property(p => p.DecidedBy).HasMaxLength(100);
        b.Property(p => p.DecisionReason).HasMaxLength(ContractorSanction.TypedReasonMaxLength);
        // One proposal per contractor, measure and assessment year: a rejected one is not proposed again for that year.
        b.HasIndex(p => new { p.ContractorId, p.Kind, p.Year }).IsUnique();
        b.HasIndex(p => p.Status);
        b.HasOne(p => p.Contractor).WithMany().HasForeignKey(p => p.ContractorId).OnDelete(DeleteBehavior.Cascade);
    }
}
