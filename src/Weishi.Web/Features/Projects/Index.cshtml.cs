using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Projects;

public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, int Year, string Community, ProjectType Type,
        ProjectCategory Category, ProjectStatus Status, long BudgetFen, long SpentFen, bool IsOneOff, string? Contractor);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        Years = await db.Projects.Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        var query = db.Projects.AsNoTracking();
        if (Year is { } y) query = query.Where(p => p.Year == y);
        if (Status is { } s) query = query.Where(p => p.Status == s);
        if (Type is { } t) query = query.Where(p => p.Type == t);
        if (Category is { } c) query = query.Where(p => p.Category == c);
        if (!string.IsNullOrWhiteSpace(Q)) query = query.Where(p => p.Name.Contains(Q.Trim()) || p.Code.Contains(Q.Trim()));
        var rows = query.OrderByDescending(p => p.Year).ThenBy(p => p.Code).Select(p => new Row(
            p.Id, p.Code, p.Name, p.Year, p.Region!.ShortName, p.Type, p.Category, p.Status,
            p.BudgetLines.Sum(l => l.AmountFen), p.Disbursements.Sum(d => d.AmountFen), p.IsOneOff, p.Contractor!.Name));
        Result = await Paged<Row>.LoadAsync(rows, PageNumber, 50, ct);
    }
}
