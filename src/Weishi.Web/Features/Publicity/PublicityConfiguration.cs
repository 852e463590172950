using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Publicity;

public sealed class PublicityNoticeConfiguration : IEntityTypeConfiguration<PublicityNotice>
{
    public void Configure(EntityTypeBuilder<PublicityNotice> b)
    {
        b.HasIndex(n => n.ProjectId);
        b.HasOne(n => n.Project).WithMany().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> b)
    {
        b.Property(o => o.Text).HasMaxLength(1000);
        b.Property(o => o.Answer).HasMaxLength(1000);
        b.Property(o => o.ContactMasked).HasMaxLength(20);
        b.Property(o => o.AnsweredBy).HasMaxLength(60);
        b.HasIndex(o => o.ProjectId);
        b.HasOne(o => o.Project).WithMany().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PublicitySettingConfiguration : IEntityTypeConfiguration<PublicitySetting>
{
    public void Configure(EntityTypeBuilder<PublicitySetting> b)
    {
        b.HasKey(s => s.Year);
        b.Property(s => s.Year).ValueGeneratedNever();
    }
}
