using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Features.Portal;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

/// <summary>The triage list: filters run in the database on indexed columns; only one page of rows is loaded.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public DemandChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public DemandStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Community { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<DemandTriageQuery.Row> Result { get; private set; } = null!;
    public IReadOnlyList<CommunityOption> Communities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Communities = (await CommunityOption.LoadAsync(db, ct)).Where(c => db.Scope.CanRead(c.Id)).ToList();
        Result = await DemandTriageQuery.LoadAsync(db, new DemandTriageQuery.Filter(Channel, Status, Community, From, To, Q), PageNumber, 50, ct);
    }
}
