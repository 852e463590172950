using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Participants;

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.Property(p => p.IdNumberHash).HasMaxLength(64);
        b.Property(p => p.PhoneHash).HasMaxLength(64);
        b.Property(p => p.Name).HasMaxLength(40);
        b.Property(p => p.PhoneEncrypted).HasMaxLength(400);
        b.Property(p => p.PhoneMasked).HasMaxLength(20);
        b.HasIndex(p => p.IdNumberHash).IsUnique();
        b.HasIndex(p => p.PhoneHash).IsUnique();
    }
}
