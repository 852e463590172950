using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Contractors.SpotChecks;
using Weishi.Web.Infrastructure.Files;

namespace Weishi.Web.Features.Contractors;

public sealed class ContractorConfiguration : IEntityTypeConfiguration<Contractor>
{
    public void Configure(EntityTypeBuilder<Contractor> b)
    {
        b.Property(c => c.Name).HasMaxLength(120);
        b.Property(c => c.CreditCode).HasMaxLength(18);
        b.HasIndex(c => c.CreditCode).IsUnique();
        b.Property(c => c.Address).HasMaxLength(200);
        b.Property(c => c.ContactName).HasMaxLength(60);
        b.Property(c => c.ContactPhoneMasked).HasMaxLength(20);
        b.Property(c => c.ServiceAreas).HasMaxLength(60);
        b.Ignore(c => c.Categories);
        b.HasMany(c => c.Staff).WithOne().HasForeignKey(s => s.ContractorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Violations).WithOne().HasForeignKey(s => s.ContractorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.DeclaredProjects).WithOne().HasForeignKey(s => s.ContractorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Sanctions).WithOne().HasForeignKey(s => s.ContractorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContractorStaffConfiguration : IEntityTypeConfiguration<ContractorStaff>
{
    public void Configure(EntityTypeBuilder<ContractorStaff> b)
    {
        b.Property(s => s.Name).HasMaxLength(40);
        b.Property(s => s.IdNumberHash).HasMaxLength(64);
        b.Property(s => s.PhoneMasked).HasMaxLength(20);
        b.Property(s => s.Qualification).HasMaxLength(60);
        b.Property(s => s.Title).HasMaxLength(60);
    }
}

public sealed class ContractorViolationConfiguration : IEntityTypeConfiguration<ContractorViolation>
{
    public void Configure(EntityTypeBuilder<ContractorViolation> b)
    {
        b.Property(v => v.Description).HasMaxLength(500);
        b.Property(v => v.Penalty).HasMaxLength(200);
    }
}

public sealed class DeclaredProjectConfiguration : IEntityTypeConfiguration<DeclaredProject>
{
    public void Configure(EntityTypeBuilder<DeclaredProject> b)
    {
        b.Property(p => p.Name).HasMaxLength(120);
        b.Property(p => p.Client).HasMaxLength(120);
    }
}

public sealed class ContractorSanctionConfiguration : IEntityTypeConfiguration<ContractorSanction>
{
    public void Configure(EntityTypeBuilder<ContractorSanction> b)
    {
        b.Property(s => s.Reason).HasMaxLength(ContractorSanction.ReasonMaxLength);
        b.Property(s => s.CreatedBy).HasMaxLength(100);
        b.HasIndex(s => new { s.ContractorId, s.Kind });
    }
}

public sealed class ContractorChangeRequestConfiguration : IEntityTypeConfiguration<ContractorChangeRequest>
{
    public void Configure(EntityTypeBuilder<ContractorChangeRequest> b)
    {
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.Property(r => r.RequestedBy).HasMaxLength(100);
        b.Property(r => r.DecidedBy).HasMaxLength(100);
        b.Property(r => r.Note).HasMaxLength(500);
        b.HasOne(r => r.Contractor).WithMany().HasForeignKey(r => r.ContractorId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => new { r.ContractorId, r.Status });
    }
}

public sealed class AdmissionRuleConfiguration : IEntityTypeConfiguration<AdmissionRule>
{
    public void Configure(EntityTypeBuilder<AdmissionRule> b) => b.Property(r => r.Text).HasMaxLength(60);
}

public sealed class AdmissionApplicationConfiguration : IEntityTypeConfiguration<AdmissionApplication>
{
    public void Configure(EntityTypeBuilder<AdmissionApplication> b)
    {
        b.Property(a => a.EvaluationReasons).HasMaxLength(2000);
        b.Property(a => a.Statement).HasMaxLength(1000);
        b.Property(a => a.ReviewedBy).HasMaxLength(100);
        b.Property(a => a.ReviewNote).HasMaxLength(500);
        b.HasOne(a => a.Contractor).WithMany().HasForeignKey(a => a.ContractorId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => new { a.Category, a.Status });
        b.HasIndex(a => a.ContractorId);
        b.HasMany(a => a.Documents).WithOne(d => d.Application).HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> b)
    {
        b.Property(d => d.FileName).HasMaxLength(UploadName.MaxLength);
        b.Property(d => d.StoredName).HasMaxLength(60);
        b.Property(d => d.ContentType).HasMaxLength(120);
    }
}

public sealed class AssessmentWeightConfiguration : IEntityTypeConfiguration<AssessmentWeight>
{
    public void Configure(EntityTypeBuilder<AssessmentWeight> b)
    {
        b.Property(w => w.InputKey).HasMaxLength(40);
        b.HasIndex(w => w.InputKey).IsUnique();
    }
}

public sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheckDraw>
{
    public void Configure(EntityTypeBuilder<SpotCheckDraw> b)
    {
        b.Property(d => d.Period).HasMaxLength(40);
        b.Property(d => d.CandidateIds).HasMaxLength(100_000);
        b.Property(d => d.DrawnBy).HasMaxLength(100);
        b.HasMany(d => d.Items).WithOne(i => i.Draw).HasForeignKey(i => i.DrawId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SpotCheckItemConfiguration : IEntityTypeConfiguration<SpotCheckItem>
{
    public void Configure(EntityTypeBuilder<SpotCheckItem> b)
    {
        b.Property(i => i.Stratum).HasMaxLength(60);
        b.Property(i => i.Inspector).HasMaxLength(60);
        b.Property(i => i.Findings).HasMaxLength(1000);
        b.HasOne(i => i.Project).WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.ProjectId);
    }
}
