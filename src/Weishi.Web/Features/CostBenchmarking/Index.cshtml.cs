using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Mining;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>
/// District view: unit-cost spread per function, top payers, savings at the median; norms and their overrides. The
/// spread can be narrowed to a year, type, category or a region the user may read (<see cref="DistrictSpread.Filter"/>).
/// </summary>
public sealed class IndexModel(WeishiDbContext db, DistrictSpread spread, CostNormService norms) : PageModel
{
    public const int NoteMaxLength = 200;

    public IReadOnlyList<DistrictSpread.Row> Rows { get; private set; } = [];
    public IReadOnlyList<CostNorm> Norms { get; private set; } = [];
    public int PriceRisePerMille { get; private set; }
    public string? Error { get; private set; }
    public bool CanOverride => User.IsInRole(AppRoles.DistrictAdmin);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectCategory? Category { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];
    public string? RegionName => Regions.FirstOrDefault(r => r.Id == Region)?.Name;

    /// <summary>What the table covers, for its savings note: 全部 or the chosen year, region, type and category.</summary>
    public string Coverage => string.Concat(
        Year is { } y ? $"{y}年" : "各年度",
        RegionName ?? "",
        Type is { } t ? ProjectNames.Type(t) : "",
        Category is { } c ? (Type is null ? "" : "·") + ProjectNames.Category(c) : "");

    public async Task<IActionResult> OnGetAsync()
    {
        Regions = await RegionChoices.VisibleAsync(db, HttpContext.RequestAborted);
        // As on the project list and findings: a region the user may not read is refused.
        if (Region is { } chosen && Regions.All(r => r.Id != chosen)) return NotFound();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostOverrideAsync(int normId, string? median, string? note)
    {
        if (!CanOverride) return Forbid();
        var norm = await db.CostNorms.FirstOrDefaultAsync(n => n.Id == normId);
        if (norm is null) return NotFound();
        if (string.IsNullOrWhiteSpace(median)) norm.OverrideMedianFen = null;
        else
        {
            var (fen, error) = Money.ParseYuan(median);
            if (error is not null || fen is not > 0) return await FailAsync(error ?? "常模中位数须为大于 0 的金额（元）");
            norm.OverrideMedianFen = fen;
        }
        if (note?.Trim() is { Length: > NoteMaxLength }) return await FailAsync($"说明不超过 {NoteMaxLength} 字");
        norm.OverrideNote = note?.Trim() is { Length: > 0 } n ? n : null;
        await db.SaveChangesAsync();
        TempData["Message"] = "常模已更新";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSettingsAsync(int? priceRisePerMille)
    {
        if (!CanOverride) return Forbid();
        if (priceRisePerMille is null or < 0 or > 200) return await FailAsync("价格调整率须在 0–200‰ 之间");
        var setting = await db.CostSettings.OrderBy(s => s.Id).FirstOrDefaultAsync();
        if (setting is null) db.CostSettings.Add(setting = new CostSetting());
        setting.PriceRisePerMille = priceRisePerMille.Value;
        await db.SaveChangesAsync();
        await norms.RefreshAsync();
        TempData["Message"] = "价格调整率已保存，常模已重新计算";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRefreshAsync()
    {
        if (!CanOverride) return Forbid();
        await norms.RefreshAsync();
        TempData["Message"] = "常模已重新计算";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string message)
    {
        db.ChangeTracker.Clear();
        Error = message;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        await norms.EnsureFreshAsync(ct);
        // Years of finished projects across the district: the spread compares with every community (see CostProfile).
        Years = await db.Projects.IgnoreQueryFilters().Where(p => ProjectWorkflow.Finished.Contains(p.Status))
            .Select(p => p.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
        if (Region is { } asked && Regions.All(r => r.Id != asked)) Region = null;   // a failed post names no region it checked
        var regionIds = Region is { } region ? await MiningScope.RegionAndBelowAsync(db, region, ct) : null;
        Rows = await spread.ComputeAsync(new DistrictSpread.Filter(Year, Type, Category, regionIds), ct: ct);
        Norms = await db.CostNorms.AsNoTracking().Where(n => n.Year == 0 && n.Count >= 3)
            .OrderBy(n => n.Type).ThenBy(n => n.Category).ThenBy(n => n.Function).ToListAsync(ct);
        PriceRisePerMille = await norms.PriceRisePerMilleAsync(ct);
    }
}
