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
        // One open flag per project and rule, also when two instances run the daily scan at once (DeviationScanner).
        b.HasIndex(f => new { f.ProjectId, f.Kind }).IsUnique().HasFilter("\"ResolvedOn\" IS NULL").HasDatabaseName("UX_DeviationFlags_Open");
        b.HasOne(f => f.Project).WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
