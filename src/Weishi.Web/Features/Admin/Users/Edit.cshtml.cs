using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Admin.Users;

/// <summary>Roles and scopes of one user, unlocking, password reset, switching the account off (停用) and on (启用).</summary>
public sealed class EditModel(WeishiDbContext db, UserManager<AppUser> users, AccountService accounts) : PageModel
{
    public AppUser Account { get; private set; } = null!;
    public IReadOnlyList<RoleAssignment> Assignments { get; private set; } = [];
    public ScopeOptions Options { get; private set; } = null!;
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public bool Locked => Account.LockoutEnd > db.Time.GetUtcNow();
    /// <summary>The reason typed, shown again when the switch-off was refused.</summary>
    public string? DisableReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(string id, AppRole role, string? scope)
    {
        if (!await ExistsAsync(id)) return NotFound();
        var error = Enum.IsDefined(role) ? await accounts.AssignAsync(id, role, scope) : "请选择角色";
        return await Done(id, error, "已授予角色");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string id, int assignmentId)
    {
        if (!await ExistsAsync(id)) return NotFound();
        return await Done(id, await accounts.RevokeAsync(id, assignmentId, HttpContext.RequestAborted), "已撤销角色");
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return await Done(id, null, "已解除锁定");
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, string? reason)
    {
        if (!await ExistsAsync(id)) return NotFound();
        DisableReason = reason;
        return await Done(id, await accounts.DisableAsync(id, reason, db.Scope, HttpContext.RequestAborted), "已停用账号，该账号的登录已失效");
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        if (!await ExistsAsync(id)) return NotFound();
        return await Done(id, await accounts.EnableAsync(id, HttpContext.RequestAborted), "已启用账号");
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, string? password)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password ?? "");
        return await Done(id, result.Succeeded ? null : string.Join("；", result.Errors.Select(e => e.Description)), "已重置密码");
    }

    private async Task<IActionResult> Done(string id, string? error, string message)
    {
        if (error is null)
        {
            TempData["Message"] = message;
            return RedirectToPage(new { id });
        }
        Errors = [error];
        await LoadAsync(id);
        return Page();
    }

    // A post loads only what it changes; the page's lists are loaded again only to show a refusal. The account is not
    // tracked before the service reads it (停用 reads it inside its lock, as stored then).
    private Task<bool> ExistsAsync(string id) => db.Users.AnyAsync(u => u.Id == id, HttpContext.RequestAborted);

    private async Task<bool> LoadAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return false;
        Account = user;
        Assignments = await db.RoleAssignments.AsNoTracking().Include(a => a.Region).Include(a => a.Contractor)
            .Where(a => a.UserId == id).OrderBy(a => a.Role).ToListAsync();
        Options = await ScopeOptions.LoadAsync(db, HttpContext.RequestAborted);
        return true;
    }
}
