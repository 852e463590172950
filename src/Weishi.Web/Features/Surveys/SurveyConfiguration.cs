using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Surveys;

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.PublicToken).HasMaxLength(32);
        b.HasIndex(s => s.PublicToken).IsUnique();
        b.HasIndex(s => s.ProjectId).IsUnique();
        b.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> b)
    {
        b.Property(i => i.Token).HasMaxLength(32);
        b.HasIndex(i => i.Token).IsUnique();
        b.HasIndex(i => new { i.SurveyId, i.ParticipantId }).IsUnique();
        b.HasOne(i => i.Survey).WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Project).WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Participants.Participant>().WithMany().HasForeignKey(i => i.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> b)
    {
        b.Property(r => r.Comment).HasMaxLength(500);
        b.Property(r => r.ClientKey).HasMaxLength(16);
        // One answer per token; anonymous sheets (null) are not constrained on either provider.
        b.HasIndex(r => r.InvitationId).IsUnique();
        b.HasIndex(r => new { r.SurveyId, r.SubmittedAtUtc });
        b.HasOne(r => r.Survey).WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(r => r.Invitation).WithMany().HasForeignKey(r => r.InvitationId).OnDelete(DeleteBehavior.Restrict);
    }
}
