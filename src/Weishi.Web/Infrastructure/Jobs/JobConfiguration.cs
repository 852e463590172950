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
    }
}
