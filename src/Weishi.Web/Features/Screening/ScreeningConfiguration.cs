using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Screening;

public sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> b)
    {
        b.HasIndex(r => new { r.Year, r.Version }).IsUnique();
        b.Property(r => r.PublishedBy).HasMaxLength(60);
    }
}

public sealed class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> b)
    {
        b.Property(c => c.Name).HasMaxLength(40);
        b.Property(c => c.Guide).HasMaxLength(500);
        b.HasOne(c => c.Rubric).WithMany(r => r.Criteria).HasForeignKey(c => c.RubricId).OnDelete(DeleteBehavior.Cascade);
    }
}
