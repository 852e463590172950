using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Council;

public sealed class CouncilSessionConfiguration : IEntityTypeConfiguration<CouncilSession>
{
    public void Configure(EntityTypeBuilder<CouncilSession> b)
    {
        b.Property(s => s.Place).HasMaxLength(100);
        b.HasIndex(s => new { s.RegionId, s.Year });
        b.HasOne(s => s.Region).WithMany().HasForeignKey(s => s.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Rubric).WithMany().HasForeignKey(s => s.RubricId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> b)
    {
        b.Property(m => m.Name).HasMaxLength(40);
        b.HasOne(m => m.Session).WithMany(s => s.Members).HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CouncilScoreSheetConfiguration : IEntityTypeConfiguration<CouncilScoreSheet>
{
    public void Configure(EntityTypeBuilder<CouncilScoreSheet> b)
    {
        b.Property(s => s.Comment).HasMaxLength(500);
        b.Property(s => s.Total).HasPrecision(6, 2);
        b.HasIndex(s => new { s.SessionId, s.MemberId, s.ProjectId }).IsUnique();
        b.HasIndex(s => s.ProjectId);
        b.HasOne(s => s.Session).WithMany().HasForeignKey(s => s.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Member).WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Items).WithOne(i => i.Sheet).HasForeignKey(i => i.SheetId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CouncilScoreItemConfiguration : IEntityTypeConfiguration<CouncilScoreItem>
{
    public void Configure(EntityTypeBuilder<CouncilScoreItem> b) =>
        b.HasOne(i => i.Criterion).WithMany().HasForeignKey(i => i.CriterionId).OnDelete(DeleteBehavior.Restrict);
}
