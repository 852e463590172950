using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Contractors;

public sealed class ContractorConfiguration : IEntityTypeConfiguration<Contractor>
{
    public void Configure(EntityTypeBuilder<Contractor> b)
    {
        b.Property(c => c.Name).HasMaxLength(120);
        b.Property(c => c.CreditCode).HasMaxLength(18);
        b.HasIndex(c => c.CreditCode).IsUnique();
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.ContactName).HasMaxLength(60);
    }
}
