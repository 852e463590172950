using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Portal;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

/// <summary>The triage list: filters run in the database on indexed columns; only one page of rows is loaded.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Text, string Community, DemandChannel Channel, DemandStatus Status, DateTime SubmittedAtUtc, int? ProjectId, string? ProjectCode);

    [BindProperty(SupportsGet = true)] public DemandChannel? Channel { get; set; }
    [BindProperty(SupportsGet = true)] public DemandStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public int? Community { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;
    public IReadOnlyList<CommunityOption> Communities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Communities = (await CommunityOption.LoadAsync(db, ct)).Where(c => db.Scope.CanRead(c.Id)).ToList();
        var query = db.Demands.AsNoTracking();
        if (Channel is { } c) query = query.Where(d => d.Channel == c);
        if (Status is { } s) query = query.Where(d => d.Status == s);
        if (Community is { } r) query = query.Where(d => d.RegionId == r);
        // Dates are China days: [from 00:00, to+1 00:00) in UTC+8.
        if (From is { } from) { var f = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8); query = query.Where(d => d.SubmittedAtUtc >= f); }
        if (To is { } to) { var t = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8); query = query.Where(d => d.SubmittedAtUtc < t); }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            query = query.Where(d => d.Text.Contains(q) || d.TrackingCode == q.ToUpper() || d.ExternalCaseNumber == q);
        }
        var rows = query.OrderByDescending(d => d.SubmittedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new Row(d.Id, d.Text, d.Region!.ShortName, d.Channel, d.Status, d.SubmittedAtUtc, d.ProjectId, d.Project!.Code));
        Result = await Paged<Row>.LoadAsync(rows, PageNumber, 50, ct);
    }
}
