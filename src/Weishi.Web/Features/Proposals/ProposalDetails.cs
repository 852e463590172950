using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Proposals;

/// <summary>What a proposal declares beyond the project's core fields: who it is for, where and when.</summary>
public class ProposalDetails : IAudited, IProjectChild
{
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public required string TargetGroup { get; set; }
    public required string Place { get; set; }
    public required string Schedule { get; set; }
    /// <summary>The project this proposal was copied from (last year's), if any.</summary>
    public int? CopiedFromProjectId { get; set; }
}

public sealed class ProposalDetailsConfiguration : IEntityTypeConfiguration<ProposalDetails>
{
    public void Configure(EntityTypeBuilder<ProposalDetails> b)
    {
        b.HasKey(d => d.ProjectId);
        b.Property(d => d.TargetGroup).HasMaxLength(100);
        b.Property(d => d.Place).HasMaxLength(100);
        b.Property(d => d.Schedule).HasMaxLength(100);
        b.HasOne(d => d.Project).WithOne().HasForeignKey<ProposalDetails>(d => d.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
