using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Screening;

/// <summary>负面清单 and per-type caps; the district department maintains them, staff read them.</summary>
public sealed class RulesModel(WeishiDbContext db, ProposalChecks checks) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public int SelectedYear => Year ?? ChinaDate.Today(db.Time).Year + 1;
    public IReadOnlyList<NegativeListRule> Rules { get; private set; } = [];
    public Dictionary<ProjectType, long> Caps { get; } = [];
    public int PublicityDays { get; private set; }
    public bool CanEdit => db.Scope.Has(AppRole.DistrictAdmin);
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRuleAsync(string? title, string? text, string? keywords)
    {
        if (!CanEdit) return Forbid();
        if (string.IsNullOrWhiteSpace(title) || title.Length > 60) Error = "请填写规则名称（不超过60字）";
        else if (string.IsNullOrWhiteSpace(text) || text.Length > 500) Error = "请填写规则内容（不超过500字）";
        else if (string.IsNullOrWhiteSpace(keywords) || keywords.Length > 300) Error = "请填写关键词（用顿号或逗号分隔，不超过300字）";
        if (Error is not null) { await LoadAsync(); return Page(); }
        db.NegativeListRules.Add(new NegativeListRule { Title = title!.Trim(), Text = text!.Trim(), Keywords = keywords!.Trim() });
        await db.SaveChangesAsync();
        TempData["Message"] = $"已添加负面清单规则“{title.Trim()}”";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostToggleAsync(int id)
    {
        if (!CanEdit) return Forbid();
        var rule = await db.NegativeListRules.FirstOrDefaultAsync(r => r.Id == id);
        if (rule is null) return NotFound();
        rule.Active = !rule.Active;
        await db.SaveChangesAsync();
        TempData["Message"] = $"规则“{rule.Title}”已{(rule.Active ? "启用" : "停用")}";
        return RedirectToPage(new { year = Year });
    }

    public async Task<IActionResult> OnPostCapAsync(int year, ProjectType type, string? cap)
    {
        if (!CanEdit) return Forbid();
        Year = year;
        var (fen, error) = Money.ParseYuan(cap);
        if (error is null && fen == 0) error = "限额必须大于 0";
        if (error is null && !Enum.IsDefined(type)) error = "项目类型不正确";
        if (error is null && (year < 2000 || year > 2100)) error = "年度不正确";
        if (error is not null) { Error = "单个项目限额：" + error; await LoadAsync(); return Page(); }
        var row = await db.ProjectTypeCaps.FirstOrDefaultAsync(c => c.Year == year && c.Type == type);
        if (row is null) db.ProjectTypeCaps.Add(new ProjectTypeCap { Year = year, Type = type, CapFen = fen!.Value });
        else row.CapFen = fen!.Value;
        await db.SaveChangesAsync();
        TempData["Message"] = $"{year} 年{ProjectNames.Type(type)}项目限额已设为 {Money.Wan(fen.Value)} 万元";
        return RedirectToPage(new { year });
    }

    public async Task<IActionResult> OnPostPublicityAsync(int year, int days)
    {
        if (!CanEdit) return Forbid();
        Year = year;
        if (year < 2000 || year > 2100) Error = "年度不正确";
        else if (days is < 1 or > 60) Error = "公示天数应在 1 到 60 天之间";
        if (Error is not null) { await LoadAsync(); return Page(); }
        var row = await db.PublicitySettings.FirstOrDefaultAsync(s => s.Year == year);
        if (row is null) db.PublicitySettings.Add(new Publicity.PublicitySetting { Year = year, Days = days });
        else row.Days = days;
        await db.SaveChangesAsync();
        TempData["Message"] = $"{year} 年项目公示期已设为 {days} 天";
        return RedirectToPage(new { year });
    }

    private async Task LoadAsync()
    {
        PublicityDays = await db.PublicitySettings.Where(s => s.Year == SelectedYear).Select(s => (int?)s.Days).FirstOrDefaultAsync()
            ?? Publicity.PublicityNotice.DefaultDays;
        Rules = await db.NegativeListRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        foreach (var t in Enum.GetValues<ProjectType>()) Caps[t] = await checks.CapFenAsync(SelectedYear, t);
    }
}
