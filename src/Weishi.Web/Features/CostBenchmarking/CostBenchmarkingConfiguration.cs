using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.CostBenchmarking;

public sealed class CostNormConfiguration : IEntityTypeConfiguration<CostNorm>
{
    public void Configure(EntityTypeBuilder<CostNorm> b)
    {
        b.Property(n => n.Function).HasMaxLength(80);
        b.Property(n => n.OverrideNote).HasMaxLength(200);
        b.HasIndex(n => new { n.Type, n.Category, n.Function, n.Measure, n.Year }).IsUnique();
        b.Ignore(n => n.EffectiveMedianFen);
    }
}

public sealed class SimilarMatchConfiguration : IEntityTypeConfiguration<SimilarMatch>
{
    public void Configure(EntityTypeBuilder<SimilarMatch> b)
    {
        b.Property(m => m.DecidedBy).HasMaxLength(100);
        b.HasIndex(m => new { m.ProjectId, m.SimilarProjectId }).IsUnique();
        b.HasOne(m => m.Project).WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Projects.Project>().WithMany().HasForeignKey(m => m.SimilarProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CostApprovalReasonConfiguration : IEntityTypeConfiguration<CostApprovalReason>
{
    public void Configure(EntityTypeBuilder<CostApprovalReason> b)
    {
        b.Property(r => r.Reason).HasMaxLength(500);
        b.Property(r => r.GivenBy).HasMaxLength(100);
        b.HasIndex(r => r.ProjectId);
        b.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
