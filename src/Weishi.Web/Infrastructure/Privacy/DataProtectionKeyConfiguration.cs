using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Infrastructure.Privacy;

/// <summary>A key encrypted with a certificate (<see cref="DataProtectionSetup"/>) carries the certificate and the
/// ciphertext: about 3,000 characters, more than the model's default 2,000 for a string.</summary>
public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b) => b.Property(k => k.Xml).HasMaxLength(20000);
}
