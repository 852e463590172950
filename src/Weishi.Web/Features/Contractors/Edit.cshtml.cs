using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Features.Contractors;

/// <summary>The district department registers and corrects contractors (all fields, no confirmation needed).</summary>
public sealed class EditModel(WeishiDbContext db, PersonalData personal) : PageModel
{
    [BindProperty] public RegistryForm Input { get; set; } = new();
    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        Id = id;
        if (id is null) return Page();
        var c = await db.Contractors.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (c is null) return NotFound();
        Input = RegistryForm.Of(c);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        Id = id;
        await Input.ValidateAsync(ModelState, db, id, HttpContext.RequestAborted);
        if (!ModelState.IsValid) return Page();

        var contractor = id is null ? null : await db.Contractors.FirstOrDefaultAsync(c => c.Id == id);
        if (id is not null && contractor is null) return NotFound();
        if (contractor is null)
        {
            contractor = new Contractor { Name = "", CreditCode = "", CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime };
            db.Contractors.Add(contractor);
        }
        Input.Key().ApplyTo(contractor);
        Input.ApplyOpenFields(contractor, personal);
        await db.SaveChangesAsync();
        TempData["Message"] = $"已保存承接单位“{contractor.Name}”";
        return RedirectToPage("Detail", new { id = contractor.Id });
    }
}
