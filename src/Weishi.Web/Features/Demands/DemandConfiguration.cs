using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Demands;

public sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.HasIndex(d => new { d.RegionId, d.SubmittedAtUtc });
        b.HasIndex(d => new { d.Status, d.SubmittedAtUtc });
        b.HasIndex(d => d.SubmittedByUserId);
        b.HasOne(d => d.Region).WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Project).WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.SetNull);
    }
}
