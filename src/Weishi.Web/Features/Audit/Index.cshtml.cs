using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
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
    /// <summary>China days, both included.</summary>
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public string? Error { get; private set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<AuditEntry> Result { get; private set; } = null!;
    /// <summary>The recorded types (code name, as filtered on) with their Chinese names.</summary>
    public IReadOnlyList<(string Code, string Name)> Entities { get; private set; } = [];

    /// <summary>A row's fields as read by people; null when the row holds a summary text instead.</summary>
    public IReadOnlyList<AuditChanges.Change>? Changes(AuditEntry entry) => AuditChanges.Of(entry, db.Model, _references);

    private AuditReferences? _references;

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Entities = (await db.AuditEntries.Select(a => a.Entity).Distinct().ToListAsync(ct))
            .Select(e => (e, AuditNames.Entity(e))).OrderBy(e => e.Item2, StringComparer.Ordinal).ToList();
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity)) query = query.Where(a => a.Entity == Entity);
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            // 操作人 is shown by display name, so it is looked for by display name as well as by login name.
            var actor = Actor.Trim();
            var logins = UserDisplayNames.LoginsMatching(actor, await UserDisplayNames.LoadAsync(db, HttpContext, ct));
            query = query.Where(a => a.UserName.Contains(actor) || logins.Contains(a.UserName));
        }
        if (!string.IsNullOrWhiteSpace(EntityId)) query = query.Where(a => a.EntityId == EntityId.Trim());
        if (From > To)
        {
            Error = "起始日期不能晚于截止日期";
            query = query.Where(a => false);
        }
        if (From is { } from)
        {
            var fromUtc = ChinaDate.StartUtc(from);
            query = query.Where(a => a.AtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var toUtc = ChinaDate.StartUtc(to.AddDays(1));
            query = query.Where(a => a.AtUtc < toUtc);
        }
        Result = await Paged<AuditEntry>.LoadAsync(query.OrderByDescending(a => a.Id), PageNumber, 50, ct);
        _references = await AuditReferences.LoadAsync(db, Result.Items, HttpContext.RequestServices, ct);
    }
}
