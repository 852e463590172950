using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Text, string Community, DemandChannel Channel, DemandStatus Status, DateTime SubmittedAtUtc, int? ProjectId, string? ProjectCode);

    [BindProperty(SupportsGet = true)] public DemandChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public DemandStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var query = db.Demands.AsNoTracking();
        if (Channel is { } c) query = query.Where(d => d.Channel == c);
        if (Status is { } s) query = query.Where(d => d.Status == s);
        if (!string.IsNullOrWhiteSpace(Q)) query = query.Where(d => d.Text.Contains(Q.Trim()));
        var rows = query.OrderByDescending(d => d.SubmittedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new Row(d.Id, d.Text, d.Region!.ShortName, d.Channel, d.Status, d.SubmittedAtUtc, d.ProjectId, d.Project!.Code));
        Result = await Paged<Row>.LoadAsync(rows, PageNumber, 50, HttpContext.RequestAborted);
    }
}
