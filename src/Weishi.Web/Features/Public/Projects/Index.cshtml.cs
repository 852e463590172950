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
    /// <summary>Community code; an unknown code is ignored.</summary>
    [BindProperty(SupportsGet = true)] public string? Community { get; set; }
    /// <summary>Words in the project's name or code.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public Paged<Row> Result { get; private set; } = null!;
    public IReadOnlyList<Portal.CommunityOption> Communities { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = PublicProjects.Visible(db).AsNoTracking();
        if (Year is { } y) query = query.Where(p => p.Year == y);
        if (Publicity) query = query.Where(p => p.Status == ProjectStatus.Publicity);
        Communities = await Portal.CommunityOption.LoadAsync(db, HttpContext.RequestAborted);
        var community = Communities.FirstOrDefault(c => c.Code == Community?.Trim());
        Community = community?.Code;
        if (community is not null) query = query.Where(p => p.RegionId == community.Id);
        Q = Q?.Trim() is { Length: > 0 } q ? q[..Math.Min(q.Length, 50)] : null;
        if (Q is { } words) query = query.Where(p => p.Name.Contains(words) || p.Code.Contains(words));
        var rows = query.OrderByDescending(p => p.Year).ThenBy(p => p.Code).Select(p => new Row(p.Id, p.Code, p.Name, p.Year,
            p.Region!.ShortName, p.Type, p.Status, p.BudgetLines.Sum(l => l.AmountFen)));
        Result = await Paged<Row>.LoadAsync(rows, PageNumber, 50, HttpContext.RequestAborted);
    }
}
