using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Public.Projects;

/// <summary>The public list of approved projects (under publicity or being delivered), for anyone.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Code, string Name, int Year, string Community, ProjectType Type, ProjectStatus Status, long BudgetFen);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public bool Publicity { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<Row> Result { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var query = PublicProjects.Visible(db).AsNoTracking();
        if (Year is { } y) query = query.Where(p => p.Year == y);
        if (Publicity) query = query.Where(p => p.Status == ProjectStatus.Publicity);
        var rows = query.OrderByDescending(p => p.Year).ThenBy(p => p.Code).Select(p => new Row(p.Id, p.Code, p.Name, p.Year,
            p.Region!.ShortName, p.Type, p.Status, p.BudgetLines.Sum(l => l.AmountFen)));
        Result = await Paged<Row>.LoadAsync(rows, PageNumber, 50, HttpContext.RequestAborted);
    }
}
