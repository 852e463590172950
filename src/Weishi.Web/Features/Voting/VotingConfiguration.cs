using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Voting;

public sealed class BallotConfiguration : IEntityTypeConfiguration<Ballot>
{
    public void Configure(EntityTypeBuilder<Ballot> b)
    {
        b.Property(x => x.Title).HasMaxLength(120);
        b.HasIndex(x => new { x.RegionId, x.Year });
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Options).WithOne().HasForeignKey(o => o.BallotId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class BallotOptionConfiguration : IEntityTypeConfiguration<BallotOption>
{
    public void Configure(EntityTypeBuilder<BallotOption> b)
    {
        b.HasIndex(o => new { o.BallotId, o.ProjectId }).IsUnique();
        b.HasOne(o => o.Project).WithMany().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> b)
    {
        b.Property(v => v.VoterHash).HasMaxLength(64);
        b.HasIndex(v => new { v.BallotId, v.VoterHash }).IsUnique();
        b.HasOne(v => v.Ballot).WithMany().HasForeignKey(v => v.BallotId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Choices).WithOne(c => c.Vote).HasForeignKey(c => c.VoteId).OnDelete(DeleteBehavior.Cascade);
    }
}
