using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Infrastructure.Audit;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Before).HasMaxLength(20000);
        b.Property(a => a.After).HasMaxLength(20000);
        b.Property(a => a.Entity).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(60);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.UserName).HasMaxLength(256);
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.Entity, a.EntityId });
    }
}
