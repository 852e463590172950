using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Selection;

/// <summary>A confirmed selection of a community's proposals for a year: the rule, the weights, and each decision.</summary>
public class SelectionRun : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int Year { get; set; }
    public SelectionRule Rule { get; set; }
    public int CouncilWeight { get; set; }
    public int VoteWeight { get; set; }
    public long BudgetFen { get; set; }
    public DateTime AtUtc { get; set; }
    public required string ByUser { get; set; }
    /// <summary>Why staff departed from the rule's result; required when any decision is overridden.</summary>
    public string? OverrideReason { get; set; }
    public List<SelectionDecision> Decisions { get; set; } = [];
}

/// <summary>A staff decision on one proposal: audited row by row, with the rule's result and the final choice.</summary>
public class SelectionDecision : IAudited
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public decimal Score { get; set; }
    public int Votes { get; set; }
    public bool SelectedByRule { get; set; }
    public bool Selected { get; set; }
    public required string Why { get; set; }
}

public sealed class SelectionRunConfiguration : IEntityTypeConfiguration<SelectionRun>
{
    public void Configure(EntityTypeBuilder<SelectionRun> b)
    {
        b.Property(r => r.ByUser).HasMaxLength(60);
        b.Property(r => r.OverrideReason).HasMaxLength(500);
        b.HasIndex(r => new { r.RegionId, r.Year });
        b.HasMany(r => r.Decisions).WithOne().HasForeignKey(d => d.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SelectionDecisionConfiguration : IEntityTypeConfiguration<SelectionDecision>
{
    public void Configure(EntityTypeBuilder<SelectionDecision> b)
    {
        b.Property(d => d.Why).HasMaxLength(300);
        b.Property(d => d.Score).HasPrecision(6, 2);
        b.HasOne(d => d.Project).WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
