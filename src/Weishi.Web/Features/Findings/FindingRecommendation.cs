using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// 建议库: the district's recommendation text for one finding type. A type without a row uses the default from
/// <see cref="FindingTypes"/>; district-wide, so no scope filter.
/// </summary>
public class FindingRecommendation : IAudited
{
    public int Id { get; set; }
    public required string Type { get; set; }
    public required string Text { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    public const int MaxLength = 2000;
}

public sealed class FindingRecommendationConfiguration : IEntityTypeConfiguration<FindingRecommendation>
{
    public void Configure(EntityTypeBuilder<FindingRecommendation> b)
    {
        b.Property(r => r.Type).HasMaxLength(40);
        b.Property(r => r.Text).HasMaxLength(FindingRecommendation.MaxLength);
        b.Property(r => r.UpdatedBy).HasMaxLength(100);
        b.HasIndex(r => r.Type).IsUnique();
    }
}
