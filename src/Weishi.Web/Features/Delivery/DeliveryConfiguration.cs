using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Weishi.Web.Infrastructure.Files;

namespace Weishi.Web.Features.Delivery;

public sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.HasIndex(c => c.ProjectId).IsUnique();
        b.HasOne(c => c.Project).WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Contractors.Contractor>().WithMany().HasForeignKey(c => c.ContractorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> b)
    {
        b.Property(m => m.Name).HasMaxLength(80);
        b.Property(m => m.Deliverable).HasMaxLength(200);
        b.HasIndex(m => new { m.ProjectId, m.PlannedOn });
        b.HasOne(m => m.Project).WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ActivitySessionConfiguration : IEntityTypeConfiguration<ActivitySession>
{
    public void Configure(EntityTypeBuilder<ActivitySession> b)
    {
        b.Property(s => s.Place).HasMaxLength(120);
        b.Property(s => s.Staff).HasMaxLength(120);
        b.Property(s => s.SignInToken).HasMaxLength(32);
        b.HasIndex(s => s.SignInToken).IsUnique();
        b.HasIndex(s => new { s.ProjectId, s.HeldOn });
        b.HasOne(s => s.Project).WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> b)
    {
        // One sign-in per person per session, whatever races happen at the door.
        b.HasIndex(a => new { a.SessionId, a.ParticipantId }).IsUnique();
        b.HasIndex(a => new { a.ProjectId, a.ParticipantId });
        b.HasIndex(a => a.ParticipantId);
        b.HasIndex(a => new { a.Year, a.RegionId, a.ParticipantId });
        b.HasOne(a => a.Session).WithMany(s => s.Attendances).HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Participant).WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProgressRecordConfiguration : IEntityTypeConfiguration<ProgressRecord>
{
    public void Configure(EntityTypeBuilder<ProgressRecord> b)
    {
        b.Property(p => p.Unit).HasMaxLength(20);
        b.Property(p => p.Address).HasMaxLength(200);
        b.Property(p => p.Quantity).HasPrecision(14, 2);
        b.Property(p => p.Latitude).HasPrecision(9, 6);
        b.Property(p => p.Longitude).HasPrecision(9, 6);
        b.HasIndex(p => new { p.ProjectId, p.RecordedOn });
        b.HasOne(p => p.Project).WithMany().HasForeignKey(p => p.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.Property(f => f.Kind).HasMaxLength(20);
        b.Property(f => f.FileName).HasMaxLength(UploadName.MaxLength);
        b.Property(f => f.ContentType).HasMaxLength(80);
        b.HasIndex(f => new { f.ProjectId, f.SessionId });
        b.HasIndex(f => f.ProgressRecordId);
        b.HasOne(f => f.ProgressRecord).WithMany().HasForeignKey(f => f.ProgressRecordId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(f => f.Project).WithMany().HasForeignKey(f => f.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
