using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Infrastructure.Jobs;

public sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> b)
    {
        b.HasIndex(j => new { j.Status, j.Id });
        b.HasIndex(j => j.CreatedByUserId);
        b.Property(j => j.Kind).HasMaxLength(64);
        b.Property(j => j.ParametersJson).HasMaxLength(100_000);
        b.Property(j => j.ExclusiveKey).HasMaxLength(64);
        b.Property(j => j.ReturnUrl).HasMaxLength(200);
        // Queued (1) or running (2): one such job per key; finished ones keep their key for lookup.
        b.HasIndex(j => j.ExclusiveKey).IsUnique().HasFilter("\"ExclusiveKey\" IS NOT NULL AND \"Status\" IN (1, 2)").HasDatabaseName("UX_Jobs_ExclusiveKey_Active");
        b.HasIndex(j => new { j.ExclusiveKey, j.Id });
    }
}
