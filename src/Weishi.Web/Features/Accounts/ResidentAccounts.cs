using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Features.Accounts;

/// <summary>
/// Residents' accounts made by their first phone-code sign-in: keyed by the phone's keyed hash (unique), the phone kept
/// only encrypted and masked, no password, role Resident. Creation is written to the audit log.
/// </summary>
public sealed class ResidentAccounts(WeishiDbContext db, UserManager<AppUser> users, PersonalData personal)
{
    public async Task<AppUser> FindOrCreateAsync(string phone, string phoneHash, CancellationToken ct = default)
    {
        if (await users.Users.FirstOrDefaultAsync(u => u.PhoneHash == phoneHash, ct) is { } existing) return existing;
        var masked = PersonalData.MaskPhone(phone);
        var user = new AppUser
        {
            UserName = "tel-" + phoneHash,
            DisplayName = "居民 " + masked,
            PhoneHash = phoneHash,
            PhoneEncrypted = personal.EncryptPhone(phone),
            PhoneMasked = masked,
            CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime,
        };
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(user);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            result = IdentityResult.Failed(new IdentityError { Description = "手机号已有账号" });
        }
        if (!result.Succeeded)
        {
            // The same phone signed in twice at once and the other request created the account (the unique user name
            // or phone hash refused this one): use it.
            db.ChangeTracker.Clear();
            return await users.Users.FirstOrDefaultAsync(u => u.PhoneHash == phoneHash, ct)
                ?? throw new InvalidOperationException("居民账号创建失败：" + string.Join("；", result.Errors.Select(e => e.Description)));
        }
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = AppRole.Resident });
        // The visitor is not signed in yet: the entry names the new account as its author.
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = user.CreatedAtUtc, UserId = user.Id, UserName = user.UserName, Entity = nameof(AppUser), EntityId = user.Id,
            Action = "Added", After = $"居民以手机验证码首次登录，创建居民账号（{masked}）",
        });
        await db.SaveChangesAsync(ct);
        return user;
    }
}
