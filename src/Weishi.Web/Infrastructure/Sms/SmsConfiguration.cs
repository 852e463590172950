using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Infrastructure.Sms;

public sealed class SmsOutboxConfiguration : IEntityTypeConfiguration<SmsOutboxMessage>
{
    public void Configure(EntityTypeBuilder<SmsOutboxMessage> b)
    {
        b.Property(m => m.PhoneMasked).HasMaxLength(20);
        b.Property(m => m.PhoneHash).HasMaxLength(64);
        b.Property(m => m.Text).HasMaxLength(500);
        b.HasIndex(m => m.PhoneHash);
    }
}

public sealed class PhoneCodeConfiguration : IEntityTypeConfiguration<PhoneCode>
{
    public void Configure(EntityTypeBuilder<PhoneCode> b)
    {
        b.Property(c => c.Purpose).HasMaxLength(40);
        b.Property(c => c.PhoneHash).HasMaxLength(64);
        b.Property(c => c.CodeHash).HasMaxLength(64);
        b.HasIndex(c => new { c.Purpose, c.PhoneHash });
        // Two right posts of one code at the same moment: the save of the one that checked a code used since updates no
        // row and fails, so a code is used once. Guesses are counted by one UPDATE each, before they are compared (PhoneCodes).
        b.Property(c => c.Used).IsConcurrencyToken();
    }
}

public sealed class AppSecretConfiguration : IEntityTypeConfiguration<AppSecret>
{
    public void Configure(EntityTypeBuilder<AppSecret> b)
    {
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(60);
    }
}
