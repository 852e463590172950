using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors.SpotChecks;

/// <summary>The district draws spot checks of ongoing projects for a period.</summary>
public sealed class IndexModel(WeishiDbContext db, SpotCheckService service) : PageModel
{
    public sealed record DrawRow(int Id, string Period, int Year, int Seed, int PerStratum, int Items, int Recorded, DateTime DrawnAtUtc, string? DrawnBy);

    [BindProperty] public string? Period { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public int? Seed { get; set; }
    [BindProperty] public int PerStratum { get; set; } = 2;
    public List<DrawRow> Draws { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        Year = ChinaDate.Today(db.Time).Year;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        var ct = HttpContext.RequestAborted;
        RegistryForm.TranslateBindingErrors(ModelState);
        if (string.IsNullOrWhiteSpace(Period) || Period.Trim().Length > 40) ModelState.AddModelError(nameof(Period), "请填写抽查期次，如“2024年第2季度”（不超过40字）");
        if (Year is not { } year || year < 2000 || year > 2100) ModelState.AddModelError(nameof(Year), "请填写项目年度");
        if (PerStratum is < 1 or > 50) ModelState.AddModelError(nameof(PerStratum), "每层抽取数应在 1 至 50 之间");
        List<SpotCheckCandidate> candidates = [];
        if (ModelState.IsValid)
        {
            candidates = await service.OngoingAsync(Year!.Value, ct);
            if (candidates.Count == 0) ModelState.AddModelError(nameof(Year), $"{Year} 年没有实施中的项目可供抽查");
        }
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }
        // A seed the user did not choose comes from a cryptographic source, so no one can steer the draw.
        var seed = Seed ?? System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var draw = await service.DrawAsync(Period!.Trim(), Year!.Value, seed, PerStratum, candidates, ct);
        TempData["Message"] = $"已抽取 {draw.Items.Count} 个项目（候选 {candidates.Count} 个，随机种子 {seed}）";
        return RedirectToPage("Draw", new { id = draw.Id });
    }

    private async Task LoadAsync() => Draws = await db.SpotCheckDraws.AsNoTracking().OrderByDescending(d => d.DrawnAtUtc)
        .Select(d => new DrawRow(d.Id, d.Period, d.Year, d.Seed, d.PerStratum, d.Items.Count, d.Items.Count(i => i.Score != null), d.DrawnAtUtc, d.DrawnBy))
        .ToListAsync();
}
