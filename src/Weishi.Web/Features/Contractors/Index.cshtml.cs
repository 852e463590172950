using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors;

public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, string CreditCode, ContractorType Type, int Projects, long SpentFen);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ContractorType? Type { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanEdit => db.Scope.Has(AppRole.DistrictAdmin);

    public async Task OnGetAsync()
    {
        var query = db.Contractors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q)) query = query.Where(c => c.Name.Contains(Q.Trim()) || c.CreditCode.Contains(Q.Trim().ToUpper()));
        if (Type is { } t) query = query.Where(c => c.Type == t);
        Rows = await query.OrderBy(c => c.Name).Select(c => new Row(c.Id, c.Name, c.CreditCode, c.Type,
            db.Projects.Count(p => p.ContractorId == c.Id),
            db.Disbursements.Where(d => d.Project!.ContractorId == c.Id).Sum(d => d.AmountFen)))
            .ToListAsync(HttpContext.RequestAborted);
    }
}
