using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Mining;

public sealed class MiningRunConfiguration : IEntityTypeConfiguration<MiningRun>
{
    public void Configure(EntityTypeBuilder<MiningRun> b)
    {
        b.HasIndex(r => new { r.RegionId, r.Id });
        b.HasOne(r => r.Region).WithMany().HasForeignKey(r => r.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Topics).WithOne(t => t.Run).HasForeignKey(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Items).WithOne(i => i.Run).HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.TopicRegions).WithOne(p => p.Run).HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MiningTopicRegionConfiguration : IEntityTypeConfiguration<MiningTopicRegion>
{
    public void Configure(EntityTypeBuilder<MiningTopicRegion> b)
    {
        b.HasKey(p => new { p.RunId, p.TopicNumber, p.RegionId });
        b.HasOne(p => p.Region).WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MiningTopicConfiguration : IEntityTypeConfiguration<MiningTopic>
{
    public void Configure(EntityTypeBuilder<MiningTopic> b)
    {
        b.HasIndex(t => new { t.RunId, t.Number }).IsUnique();
        b.Property(t => t.Label).HasMaxLength(200);
        b.Property(t => t.Keywords).HasMaxLength(500);
        b.Property(t => t.Monthly).HasMaxLength(4000);
        b.Property(t => t.Communities).HasMaxLength(4000);
    }
}

public sealed class MiningItemConfiguration : IEntityTypeConfiguration<MiningItem>
{
    public void Configure(EntityTypeBuilder<MiningItem> b)
    {
        // A run's groups in order, each group's needs in need order: the page judges the groups still to merge from
        // each group's first need, a page at a time.
        b.HasIndex(i => new { i.RunId, i.DuplicateGroup, i.DemandId });
        b.HasIndex(i => new { i.RunId, i.TopicNumber, i.Category });
        // A topic's needs in need order, in all or in one region: its first open needs, and whether it has an open need
        // in a region, are read without reading the whole topic.
        b.HasIndex(i => new { i.RunId, i.TopicNumber, i.DemandId });
        b.HasIndex(i => new { i.RunId, i.TopicNumber, i.RegionId, i.DemandId });
        // The page's lists: the least confident suggestions first, and the needs suggested as out of scope.
        b.HasIndex(i => new { i.RunId, i.Confidence });
        b.HasIndex(i => new { i.RunId, i.Category, i.DemandId });
        // A need is in a run once. The page looks needs up in a run (corrections, referrals, listed needs): with the need
        // first, SQLite finds each by its key instead of reading the run's items in the run's other indexes.
        b.HasIndex(i => new { i.DemandId, i.RunId }).IsUnique();
        b.Property(i => i.Category).HasMaxLength(32);
        b.Property(i => i.Keywords).HasMaxLength(200);
        b.HasOne(i => i.Demand).WithMany().HasForeignKey(i => i.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DemandReferralConfiguration : IEntityTypeConfiguration<DemandReferral>
{
    public void Configure(EntityTypeBuilder<DemandReferral> b)
    {
        b.HasIndex(r => r.DemandId);
        b.Property(r => r.Department).HasMaxLength(100);
        b.Property(r => r.Note).HasMaxLength(500);
        b.HasOne(r => r.Demand).WithMany().HasForeignKey(r => r.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class CategoryCorrectionConfiguration : IEntityTypeConfiguration<CategoryCorrection>
{
    public void Configure(EntityTypeBuilder<CategoryCorrection> b)
    {
        b.HasIndex(c => c.DemandId);
        b.Property(c => c.Text).HasMaxLength(Demands.DemandRules.MaxTextLength);
        b.Property(c => c.SuggestedCategory).HasMaxLength(32);
        b.Property(c => c.Category).HasMaxLength(32);
        b.HasOne(c => c.Demand).WithMany().HasForeignKey(c => c.DemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DuplicateDecisionConfiguration : IEntityTypeConfiguration<DuplicateDecision>
{
    public void Configure(EntityTypeBuilder<DuplicateDecision> b)
    {
        b.HasIndex(d => new { d.DemandId, d.OtherDemandId });
        b.HasIndex(d => d.OtherDemandId);
        b.Property(d => d.Text).HasMaxLength(Demands.DemandRules.MaxTextLength);
        b.Property(d => d.OtherText).HasMaxLength(Demands.DemandRules.MaxTextLength);
        b.HasOne(d => d.Demand).WithMany().HasForeignKey(d => d.DemandId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Demands.Demand>().WithMany().HasForeignKey(d => d.OtherDemandId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SegmentationTermConfiguration : IEntityTypeConfiguration<SegmentationTerm>
{
    public void Configure(EntityTypeBuilder<SegmentationTerm> b)
    {
        b.HasIndex(t => t.Word).IsUnique();
        b.Property(t => t.Word).HasMaxLength(SegmentationTermRules.MaxLength);
        b.Property(t => t.Tag).HasMaxLength(4);
        b.Property(t => t.Concept).HasMaxLength(Weishi.TextMining.Dedup.DomainConcepts.MaxFormLength);
        b.Property(t => t.CreatedByName).HasMaxLength(100);
    }
}
