using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Audit;

/// <summary>The append-only log of changes to business data, for oversight.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<AuditEntry> Result { get; private set; } = null!;
    public IReadOnlyList<string> Entities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Entities = await db.AuditEntries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity)) query = query.Where(a => a.Entity == Entity);
        if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(a => a.UserName.Contains(Actor.Trim()));
        if (!string.IsNullOrWhiteSpace(EntityId)) query = query.Where(a => a.EntityId == EntityId.Trim());
        Result = await Paged<AuditEntry>.LoadAsync(query.OrderByDescending(a => a.Id), PageNumber, 50, ct);
    }
}
