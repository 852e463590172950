using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Budgets;

public sealed class AnnualBudgetConfiguration : IEntityTypeConfiguration<AnnualBudget>
{
    public void Configure(EntityTypeBuilder<AnnualBudget> b)
    {
        b.HasIndex(x => new { x.RegionId, x.Year }).IsUnique();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class YearSettingConfiguration : IEntityTypeConfiguration<YearSetting>
{
    public void Configure(EntityTypeBuilder<YearSetting> b)
    {
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }
}
