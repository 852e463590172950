using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Infrastructure.Files;

namespace Weishi.Web.Features.Evaluation;

public sealed class IndicatorTreeConfiguration : IEntityTypeConfiguration<IndicatorTree>
{
    public void Configure(EntityTypeBuilder<IndicatorTree> b)
    {
        b.Property(t => t.Name).HasMaxLength(100);
        b.HasIndex(t => new { t.Kind, t.Version }).IsUnique();
        b.HasMany(t => t.Nodes).WithOne(n => n.Tree).HasForeignKey(n => n.TreeId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorNodeConfiguration : IEntityTypeConfiguration<IndicatorNode>
{
    public void Configure(EntityTypeBuilder<IndicatorNode> b)
    {
        b.Property(n => n.Code).HasMaxLength(20);
        b.Property(n => n.ParentCode).HasMaxLength(20);
        b.Property(n => n.Name).HasMaxLength(100);
        b.Property(n => n.MetricCode).HasMaxLength(40);
        b.Property(n => n.Weight).HasPrecision(6, 2);
        b.Property(n => n.Target).HasPrecision(12, 4);
        b.Property(n => n.Bands).HasMaxLength(200);
        b.HasIndex(n => new { n.TreeId, n.Code }).IsUnique();
    }
}

public sealed class PerformanceEvaluationConfiguration : IEntityTypeConfiguration<PerformanceEvaluation>
{
    public void Configure(EntityTypeBuilder<PerformanceEvaluation> b)
    {
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Background).HasMaxLength(4000);
        b.Property(e => e.WorkDone).HasMaxLength(4000);
        b.Property(e => e.Achievements).HasMaxLength(4000);
        b.Property(e => e.ProjectIds).HasMaxLength(4000);
        b.HasOne(e => e.Tree).WithMany().HasForeignKey(e => e.TreeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.OwnerRegionId);
        b.HasMany(e => e.Scores).WithOne(s => s.Evaluation).HasForeignKey(s => s.EvaluationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Recommendations).WithOne(r => r.Evaluation).HasForeignKey(r => r.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationScoreConfiguration : IEntityTypeConfiguration<EvaluationScore>
{
    public void Configure(EntityTypeBuilder<EvaluationScore> b)
    {
        b.Property(s => s.NodeCode).HasMaxLength(20);
        b.Property(s => s.Score).HasPrecision(6, 2);
        b.Property(s => s.Actual).HasPrecision(14, 4);
        b.HasIndex(s => new { s.EvaluationId, s.NodeCode }).IsUnique();
        b.HasMany(s => s.Evidence).WithOne(e => e.ScoreRow).HasForeignKey(e => e.ScoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvaluationEvidenceConfiguration : IEntityTypeConfiguration<EvaluationEvidence>
{
    public void Configure(EntityTypeBuilder<EvaluationEvidence> b)
    {
        b.Property(e => e.FileName).HasMaxLength(UploadName.MaxLength);
        b.Property(e => e.Path).HasMaxLength(300);
    }
}

public sealed class EvaluationRecommendationConfiguration : IEntityTypeConfiguration<EvaluationRecommendation>
{
    public void Configure(EntityTypeBuilder<EvaluationRecommendation> b)
    {
        b.Property(r => r.FindingType).HasMaxLength(60);
    }
}
