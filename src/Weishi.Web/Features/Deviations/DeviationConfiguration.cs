using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Deviations;

public sealed class DeviationConfiguration : IEntityTypeConfiguration<DeviationFlag>
{
    public void Configure(EntityTypeBuilder<DeviationFlag> b)
    {
        b.Property(f => f.Message).HasMaxLength(300);
        b.HasIndex(f => new { f.RegionId, f.ResolvedOn });
        b.HasIndex(f => new { f.ProjectId, f.Kind, f.ResolvedOn });
        b.HasOne(f => f.Project).WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
