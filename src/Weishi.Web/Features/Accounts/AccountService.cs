using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Web;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Accounts;

/// <summary>Creates accounts and binds roles to scopes; shared by the admin pages, the CLI and the demo seed.</summary>
public sealed class AccountService(WeishiDbContext db, UserManager<AppUser> users)
{
    /// <summary>
    /// The longest user name a staff account may have: what staff do is recorded under their user name (approved by,
    /// answered by, published by …), and the narrowest of those columns holds 60 characters. Identity alone allows 256.
    /// </summary>
    public const int UserNameMaxLength = 60;

    public const int DisableReasonMaxLength = 200;

    /// <summary>What a switched-off account is told when it tries to sign in: no more than that.</summary>
    public const string DisabledMessage = "账号已停用，请联系管理员";

    /// <summary>Resolves a scope code for a role: a region code, or a contractor's credit code. Returns an error in Chinese.</summary>
    public async Task<(int? RegionId, int? ContractorId, string? Error)> ResolveScopeAsync(AppRole role, string? code, CancellationToken ct = default)
    {
        var kind = AppRoles.RequiredScope(role);
        code = code?.Trim();
        switch (kind)
        {
            case ScopeKind.None:
                return (null, null, null);
            case ScopeKind.Contractor:
                if (string.IsNullOrEmpty(code)) return (null, null, "承接单位账号必须指定所属承接单位");
                var contractorId = await db.Contractors.IgnoreQueryFilters()
                    .Where(c => c.CreditCode == CreditCode.Normalize(code)).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
                return contractorId is null ? (null, null, $"找不到统一社会信用代码为 {code} 的承接单位") : (null, contractorId, null);
            default:
                var level = kind switch
                {
                    ScopeKind.Community => RegionLevel.Community,
                    ScopeKind.Subdistrict => RegionLevel.Subdistrict,
                    _ => RegionLevel.District,
                };
                var query = db.Regions.Where(r => r.Level == level);
                var region = string.IsNullOrEmpty(code)
                    ? (level == RegionLevel.District ? await query.FirstOrDefaultAsync(ct) : null)
                    : await query.FirstOrDefaultAsync(r => r.Code == code, ct);
                return region is null
                    ? (null, null, $"{AppRoles.DisplayName(role)}必须指定一个{Region.LevelName(level)}级区划代码" + (string.IsNullOrEmpty(code) ? "" : $"，“{code}”不是"))
                    : (region.Id, null, null);
        }
    }

    public async Task<(AppUser? User, IReadOnlyList<string> Errors)> CreateAsync(
        string userName, string displayName, string password, AppRole role, string? scopeCode, CancellationToken ct = default)
    {
        var (regionId, contractorId, scopeError) = await ResolveScopeAsync(role, scopeCode, ct);
        if (scopeError is not null) return (null, [scopeError]);
        if (string.IsNullOrWhiteSpace(displayName)) return (null, ["请填写姓名或显示名"]);
        if (userName.Trim().EnumerateRunes().Count() > UserNameMaxLength) return (null, [$"用户名不能超过 {UserNameMaxLength} 个字符"]);
        var user = new AppUser
        {
            UserName = userName.Trim(),
            DisplayName = displayName.Trim(),
            CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded) return (null, result.Errors.Select(e => e.Description).ToList());
        db.RoleAssignments.Add(new RoleAssignment { UserId = user.Id, Role = role, RegionId = regionId, ContractorId = contractorId });
        await db.SaveChangesAsync(ct);
        return (user, []);
    }

    public async Task<string?> AssignAsync(string userId, AppRole role, string? scopeCode, CancellationToken ct = default)
    {
        var (regionId, contractorId, error) = await ResolveScopeAsync(role, scopeCode, ct);
        if (error is not null) return error;
        var exists = await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == role && a.RegionId == regionId && a.ContractorId == contractorId, ct);
        if (exists) return "该用户已有此角色和范围";
        db.RoleAssignments.Add(new RoleAssignment { UserId = userId, Role = role, RegionId = regionId, ContractorId = contractorId });
        await db.SaveChangesAsync(ct);
        var user = await users.FindByIdAsync(userId);
        if (user is not null) await users.UpdateSecurityStampAsync(user);
        return null;
    }

    /// <summary>
    /// Takes one role from the user; their open sessions pick the change up at the next request (the new security stamp).
    /// The last system administrator still in use keeps that role, as their account cannot be switched off either.
    /// Returns an error in Chinese.
    /// </summary>
    public Task<string?> RevokeAsync(string userId, int assignmentId, CancellationToken ct = default) => OneAdminChangeAtATimeAsync(async () =>
    {
        var assignment = await db.RoleAssignments.FirstOrDefaultAsync(a => a.Id == assignmentId && a.UserId == userId, ct);
        if (assignment is null) return "该角色不存在";
        if (assignment.Role == AppRole.SystemAdmin && await IsLastActiveSystemAdminAsync(userId, ct))
            return "不能撤销最后一个在用的系统管理员的系统管理员角色";
        db.RoleAssignments.Remove(assignment);
        await db.SaveChangesAsync(ct);
        var user = await users.FindByIdAsync(userId);
        if (user is not null) await users.UpdateSecurityStampAsync(user);
        return null;
    }, ct);

    /// <summary>
    /// 停用: the account can no longer sign in (<see cref="Infrastructure.Auth.WeishiSignInManager"/>) and its open
    /// sessions end at their next request (the new security stamp, checked on every request by
    /// <see cref="Infrastructure.Auth.SessionCheck"/>). Its roles and everything it did stay. Nobody switches off
    /// their own account or the last system administrator still in use. Returns an error in Chinese.
    /// </summary>
    public async Task<string?> DisableAsync(string userId, string? reason, UserScope actor, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return "请填写停用原因";
        if (reason.Length > DisableReasonMaxLength) return $"停用原因不能超过 {DisableReasonMaxLength} 个字";
        if (userId == actor.UserId) return "不能停用自己的账号";
        return await OneAdminChangeAtATimeAsync(async () =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null) return "该用户不存在";
            if (user.IsDisabled) return "该账号已停用";
            if (await IsLastActiveSystemAdminAsync(userId, ct)) return "不能停用最后一个在用的系统管理员账号";
            user.DisabledAtUtc = db.Time.GetUtcNow().UtcDateTime;
            user.DisabledBy = actor.UserName;
            user.DisabledReason = reason;
            var result = await users.UpdateSecurityStampAsync(user);   // saves the fields too
            if (!result.Succeeded) return string.Join("；", result.Errors.Select(e => e.Description));
            await AuditAsync(user, "Disabled", $"停用账号，原因：{reason}", ct);
            return null;
        }, ct);
    }

    /// <summary>Whether the user is a system administrator in use and no other account in use is one.</summary>
    private async Task<bool> IsLastActiveSystemAdminAsync(string userId, CancellationToken ct) =>
        await db.RoleAssignments.AnyAsync(a => a.UserId == userId && a.Role == AppRole.SystemAdmin && a.User!.DisabledAtUtc == null, ct)
        && !await db.RoleAssignments.AnyAsync(a => a.Role == AppRole.SystemAdmin && a.UserId != userId && a.User!.DisabledAtUtc == null, ct);

    /// <summary>Names the PostgreSQL advisory lock of <see cref="OneAdminChangeAtATimeAsync"/> ("admins" in ASCII).</summary>
    private const long AdminChangeLockKey = 0x61646d696e73;

    /// <summary>
    /// Runs a change that could take the last system administrator in use away (停用, a role revoked), from its check to
    /// its save, one at a time: two administrators switching each other off at once would otherwise both pass the check.
    /// The change runs in a transaction (the post's, if any) that holds SQLite's one writer from its start and takes a
    /// transaction-scoped advisory lock on PostgreSQL, so the other change waits and then checks what this one stored.
    /// Kept only when the change returns no error.
    /// </summary>
    private async Task<string?> OneAdminChangeAtATimeAsync(Func<Task<string?>> change, CancellationToken ct)
    {
        await using var work = await db.BeginWorkAsync(ct);
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdminChangeLockKey})", ct);
        var error = await change();
        if (error is null) await work.CommitAsync(ct);
        return error;
    }

    /// <summary>启用: a switched-off account may sign in again, with the roles it kept.</summary>
    public async Task<string?> EnableAsync(string userId, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "该用户不存在";
        if (!user.IsDisabled) return "该账号未停用";
        var was = $"启用账号（{Display.Time(user.DisabledAtUtc!.Value)} 由 {user.DisabledBy} 停用，原因：{user.DisabledReason}）";
        user.DisabledAtUtc = null;
        user.DisabledBy = null;
        user.DisabledReason = null;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded) return string.Join("；", result.Errors.Select(e => e.Description));
        await AuditAsync(user, "Enabled", was, ct);
        return null;
    }

    // Accounts are not IAudited (their rows hold password hashes and stamps): switching one off or on writes its own entry.
    private async Task AuditAsync(AppUser user, string action, string text, CancellationToken ct)
    {
        var actor = db.Scope;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = db.Time.GetUtcNow().UtcDateTime, UserId = actor.UserId, UserName = actor.UserName,
            Entity = nameof(AppUser), EntityId = user.Id, Action = action, After = $"{text}（账号 {user.UserName}）",
        });
        await db.SaveChangesAsync(ct);
    }
}
