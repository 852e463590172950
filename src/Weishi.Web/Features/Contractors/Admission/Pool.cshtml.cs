using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Admission;

/// <summary>准入名录: who may be chosen for a category, with ratings; and a check of one contractor's eligibility.</summary>
public sealed class PoolModel(WeishiDbContext db, ContractorDirectory directory, ContractorEligibility eligibility) : PageModel
{
    [BindProperty(SupportsGet = true)] public ProjectCategory Category { get; set; } = ProjectCategory.Elderly;
    [BindProperty(SupportsGet = true)] public int? Check { get; set; }
    public List<DirectoryRow> Rows { get; private set; } = [];
    public List<(int Id, string Name)> All { get; private set; } = [];
    public string? CheckResult { get; private set; }
    public bool? CheckAllowed { get; private set; }

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!Enum.IsDefined(Category)) Category = ProjectCategory.Elderly;
        var pool = (await eligibility.PoolAsync(Category, ct)).ToHashSet();
        var rows = await directory.LoadAsync(ct);
        Rows = rows.Where(r => r.Admitted.Contains(Category))
            .OrderBy(r => r.Suspended).ThenByDescending(r => r.Latest?.Score ?? -1).ToList();
        All = (await db.Contractors.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        if (Check is { } id)
        {
            CheckResult = await eligibility.RefusalAsync(id, Category, ct);
            CheckAllowed = CheckResult is null && pool.Contains(id);
        }
    }
}
