using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Admin.Regions;

/// <summary>区划维护: the system administrator adds a community under a subdistrict and renames regions.</summary>
public sealed class IndexModel(WeishiDbContext db, RegionMaintenance maintenance) : PageModel
{
    public sealed class NewCommunity
    {
        public int SubdistrictId { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Abbr { get; set; }
    }

    [BindProperty] public NewCommunity Input { get; set; } = new();
    public IReadOnlyList<Region> Regions { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>The region whose rename was refused, and the name typed, to show them again.</summary>
    public (int Id, string? Name)? RenameTried { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var (region, error) = await maintenance.AddCommunityAsync(Input.SubdistrictId, Input.Code, Input.Name, Input.Abbr, ct);
        if (region is not null)
        {
            TempData["Message"] = $"已新增{region.Name}（{region.Code}）";
            return RedirectToPage();
        }
        Error = error;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, CancellationToken ct)
    {
        var error = await maintenance.RenameAsync(id, name, ct);
        if (error is null)
        {
            TempData["Message"] = $"已改名为“{name!.Trim()}”";
            return RedirectToPage();
        }
        Error = error;
        RenameTried = (id, name);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code).ToListAsync(ct);
}
