using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Acceptance;

public sealed class AcceptanceConfiguration : IEntityTypeConfiguration<AcceptanceRecord>
{
    public void Configure(EntityTypeBuilder<AcceptanceRecord> b)
    {
        b.Property(a => a.Committee).HasMaxLength(300);
        b.HasIndex(a => a.ProjectId);
        b.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Delivery.EvidenceFile>().WithMany().HasForeignKey(a => a.ReportFileId).OnDelete(DeleteBehavior.SetNull);
    }
}
