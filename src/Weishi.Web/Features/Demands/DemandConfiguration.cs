using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Demands;

public sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> b)
    {
        b.HasIndex(d => new { d.RegionId, d.SubmittedAtUtc });
        b.HasIndex(d => new { d.Status, d.SubmittedAtUtc });
        b.HasIndex(d => new { d.Channel, d.Status, d.SubmittedAtUtc });
        b.HasIndex(d => d.SubmittedAtUtc);
        b.HasIndex(d => d.SubmittedByUserId);
        // Needs are looked up by a phone's hash, never by its absence: most needs, which have none, stay out of the index,
        // and the start-up backfill's "no hash yet" query cannot read them all through it.
        b.HasIndex(d => d.ContactPhoneHash).HasFilter("\"ContactPhoneHash\" IS NOT NULL");
        b.Property(d => d.ContactPhoneHash).HasMaxLength(64);
        // Exactly the needs the start-up backfill (DemandContact.BackfillHashesAsync) has left to do, in its order: the check
        // at every start reads an empty index.
        b.HasIndex(d => d.Id, "IX_Demands_ContactPhoneHashBackfill")
            .HasFilter("\"ContactPhoneEncrypted\" IS NOT NULL AND \"ContactPhoneHash\" IS NULL");
        // NULLs are distinct in unique indexes on both SQLite and PostgreSQL: only present values must be unique.
        b.HasIndex(d => d.TrackingCode).IsUnique();
        b.HasIndex(d => d.ExternalCaseNumber).IsUnique();
        b.Property(d => d.TrackingCode).HasMaxLength(16);
        b.Property(d => d.ExternalCaseNumber).HasMaxLength(64);
        b.Property(d => d.Text).HasMaxLength(DemandRules.MaxTextLength);
        b.HasOne(d => d.Region).WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => d.MergedIntoDemandId);
        b.HasOne<Demand>().WithMany().HasForeignKey(d => d.MergedIntoDemandId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Project).WithMany().HasForeignKey(d => d.ProjectId).OnDelete(DeleteBehavior.SetNull);
    }
}
