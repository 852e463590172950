using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Weishi.Web.Features.Accounts;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(60);
        b.Property(u => u.PhoneHash).HasMaxLength(64);
        b.Property(u => u.PhoneMasked).HasMaxLength(20);
        b.HasIndex(u => u.PhoneHash).IsUnique();
        b.Property(u => u.DisabledBy).HasMaxLength(AccountService.UserNameMaxLength);
        b.Property(u => u.DisabledReason).HasMaxLength(AccountService.DisableReasonMaxLength);
        b.Ignore(u => u.IsDisabled);
    }
}

public sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignment>
{
    public void Configure(EntityTypeBuilder<RoleAssignment> b)
    {
        b.HasOne(a => a.User).WithMany(u => u.RoleAssignments).HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.Region).WithMany().HasForeignKey(a => a.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(a => a.Contractor).WithMany().HasForeignKey(a => a.ContractorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.UserId, a.Role, a.RegionId, a.ContractorId });
    }
}
