using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Surveys;

public sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        b.Property(q => q.Code).HasMaxLength(20);
        b.Property(q => q.Text).HasMaxLength(100);
        b.Property(q => q.NameKeywords).HasMaxLength(SurveyQuestion.MaxKeywords);
        b.HasIndex(q => q.Code).IsUnique();
        b.Ignore(q => q.Scope);
        b.Ignore(q => q.Keywords);
        // The core questions and a starting bank come with the schema, so every database can run surveys.
        b.HasData(CoreQuestions.Seed.Concat(CoreQuestions.TargetedSeed).Select(q => new
        {
            q.Id, q.Code, q.Text, q.IsCore, q.ForType, q.ForCategory, Active = true, q.SortOrder, q.NameKeywords,
        }));
    }
}

public sealed class SurveyItemConfiguration : IEntityTypeConfiguration<SurveyItem>
{
    public void Configure(EntityTypeBuilder<SurveyItem> b)
    {
        b.HasIndex(i => new { i.SurveyId, i.QuestionId }).IsUnique();
        b.HasOne(i => i.Survey).WithMany().HasForeignKey(i => i.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.Project).WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Question).WithMany().HasForeignKey(i => i.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SurveyItemAnswerConfiguration : IEntityTypeConfiguration<SurveyItemAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyItemAnswer> b)
    {
        b.HasIndex(a => new { a.ResponseId, a.QuestionId }).IsUnique();
        b.HasIndex(a => a.ProjectId);
        b.HasOne(a => a.Response).WithMany(r => r.Items).HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.Property(r => r.LowItems).HasMaxLength(1000);
        b.Property(r => r.Owner).HasMaxLength(100);
        b.Property(r => r.CommunityActions).HasMaxLength(1000);
        b.Property(r => r.ContractorAnswer).HasMaxLength(1000);
        // One rectification per project, ever (the survey page shows the one, 已整改 is its last state): also when two
        // instances run the daily scan at once (RectificationScanner gives way to the one stored first).
        b.HasIndex(r => r.ProjectId).IsUnique();
        b.HasIndex(r => r.SurveyId);
        b.HasOne(r => r.Project).WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(r => r.LowItemLines);
        b.Ignore(r => r.State);
    }
}
