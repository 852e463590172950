using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Admission;

/// <summary>Admission applications: the district reviews them all, a contractor sees its own.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public ApplicationStatus? Status { get; set; }
    public List<AdmissionApplication> Applications { get; private set; } = [];
    public bool IsDistrict => db.Scope.Has(AppRole.DistrictAdmin);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsDistrict && db.Scope.ContractorId is null) return Forbid();
        var query = db.AdmissionApplications.AsNoTracking().Include(a => a.Contractor).Include(a => a.Documents).AsQueryable();
        if (Status is { } s) query = query.Where(a => a.Status == s);
        Applications = await query.OrderByDescending(a => a.SubmittedAtUtc).Take(500).ToListAsync();
        return Page();
    }
}
