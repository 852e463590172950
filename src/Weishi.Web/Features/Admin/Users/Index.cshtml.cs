using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Admin.Users;

public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, bool Locked, bool Disabled, IReadOnlyList<string> Roles)
    {
        public string State => Disabled ? "已停用" : Locked ? "已锁定" : "正常";
    }

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>"active" (in use), "disabled" (已停用), or anything else for all.</summary>
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q)) query = query.Where(u => u.UserName!.Contains(Q.Trim()) || u.DisplayName.Contains(Q.Trim()));
        if (State == "active") query = query.Where(u => u.DisabledAtUtc == null);
        else if (State == "disabled") query = query.Where(u => u.DisabledAtUtc != null);
        var now = db.Time.GetUtcNow();
        var users = await query.OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.LockoutEnd, u.DisabledAtUtc,
                Roles = u.RoleAssignments.Select(a => new { a.Role, Region = a.Region!.Name, Contractor = a.Contractor!.Name }).ToList(),
            }).ToListAsync(HttpContext.RequestAborted);
        Rows = users.Select(u => new Row(u.Id, u.UserName ?? "", u.DisplayName, u.LockoutEnd > now, u.DisabledAtUtc != null,
            u.Roles.Select(r => AppRoles.DisplayName(r.Role) + ((r.Region ?? r.Contractor) is { } where ? $"（{where}）" : "")).ToList())).ToList();
    }
}
