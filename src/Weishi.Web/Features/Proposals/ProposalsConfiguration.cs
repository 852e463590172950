using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Proposals;

public sealed class PerformanceTargetConfiguration : IEntityTypeConfiguration<PerformanceTarget>
{
    public void Configure(EntityTypeBuilder<PerformanceTarget> b)
    {
        b.Property(t => t.Indicator).HasMaxLength(60);
        b.Property(t => t.Unit).HasMaxLength(20);
        b.Property(t => t.TargetValue).HasPrecision(14, 2);
        b.HasOne(t => t.Project).WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NegativeListRuleConfiguration : IEntityTypeConfiguration<NegativeListRule>
{
    public void Configure(EntityTypeBuilder<NegativeListRule> b)
    {
        b.Property(r => r.Title).HasMaxLength(60);
        b.Property(r => r.Text).HasMaxLength(500);
        b.Property(r => r.Keywords).HasMaxLength(300);
    }
}

public sealed class ProjectTypeCapConfiguration : IEntityTypeConfiguration<ProjectTypeCap>
{
    public void Configure(EntityTypeBuilder<ProjectTypeCap> b) => b.HasIndex(c => new { c.Year, c.Type }).IsUnique();
}
