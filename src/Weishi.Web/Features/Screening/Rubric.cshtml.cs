using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Screening;

/// <summary>
/// The district department publishes the year's screening rubric; each save is a new version. Viewing changes
/// nothing: a year without a rubric says so, and the district gets the standard criteria as a form to publish.
/// </summary>
public sealed class RubricModel(WeishiDbContext db, RubricService rubrics) : PageModel
{
    public sealed class CriterionInput
    {
        public string? Name { get; set; }
        public int Weight { get; set; }
        public string? Guide { get; set; }
    }

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public List<CriterionInput> Criteria { get; set; } = [];
    public int SelectedYear => Year ?? ChinaDate.Today(db.Time).Year + 1;
    public Rubric? Current { get; private set; }
    public IReadOnlyList<(int Version, DateTime At, string? By)> Versions { get; private set; } = [];
    public bool CanEdit => db.Scope.Has(AppRole.DistrictAdmin);
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync(true);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanEdit) return Forbid();
        if (SelectedYear is < 2000 or > 2100) return BadRequest();
        var rows = Criteria.Where(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Guide) || c.Weight != 0)
            .Select(c => (c.Name ?? "", c.Weight, c.Guide ?? "")).ToList();
        if (rows.Any(r => r.Item1.Trim().Length > 40 || r.Item3.Trim().Length > 500)) Error = "标准名称不超过40字，评分说明不超过500字";
        Error ??= await rubrics.PublishAsync(SelectedYear, rows);
        if (Error is not null) { await LoadAsync(false); return Page(); }
        TempData["Message"] = $"已发布 {SelectedYear} 年筛选标准新版本";
        return RedirectToPage(new { year = SelectedYear });
    }

    private async Task LoadAsync(bool fillForm)
    {
        Current = await rubrics.CurrentAsync(SelectedYear);
        Versions = (await db.Rubrics.AsNoTracking().Where(r => r.Year == SelectedYear).OrderByDescending(r => r.Version)
            .Select(r => new { r.Version, r.PublishedAtUtc, r.PublishedBy }).ToListAsync()).Select(r => (r.Version, r.PublishedAtUtc, r.PublishedBy)).ToList();
        if (fillForm)
            Criteria = Current is null
                ? RubricService.Default.Select(c => new CriterionInput { Name = c.Name, Weight = c.Weight, Guide = c.Guide }).ToList()
                : Current.Criteria.Select(c => new CriterionInput { Name = c.Name, Weight = c.Weight, Guide = c.Guide }).ToList();
        while (Criteria.Count < 8) Criteria.Add(new CriterionInput());
    }
}
