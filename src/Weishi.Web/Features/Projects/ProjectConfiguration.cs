using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Projects;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> b)
    {
        b.Property(p => p.Code).HasMaxLength(32);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Name).HasMaxLength(120);
        b.HasIndex(p => new { p.Year, p.RegionId });
        b.HasIndex(p => new { p.RegionId, p.Status });
        b.HasIndex(p => p.ContractorId);
        b.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Contractor).WithMany().HasForeignKey(p => p.ContractorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.Property(l => l.Item).HasMaxLength(120);
        b.Property(l => l.Unit).HasMaxLength(20);
        b.Property(l => l.Quantity).HasPrecision(14, 2);
        b.HasOne(l => l.Project).WithMany(p => p.BudgetLines).HasForeignKey(l => l.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DisbursementConfiguration : IEntityTypeConfiguration<Disbursement>
{
    public void Configure(EntityTypeBuilder<Disbursement> b)
    {
        b.Property(d => d.Stage).HasMaxLength(40);
        b.Property(d => d.VoucherNo).HasMaxLength(40);
        b.HasOne(d => d.Project).WithMany(p => p.Disbursements).HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProjectDecisionConfiguration : IEntityTypeConfiguration<ProjectDecision>
{
    public void Configure(EntityTypeBuilder<ProjectDecision> b)
    {
        b.Property(d => d.DecidedBy).HasMaxLength(60);
        b.Property(d => d.Reason).HasMaxLength(ProjectDecision.MaxReasonLength);
        b.HasIndex(d => new { d.ProjectId, d.Id });
        b.HasOne(d => d.Project).WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
