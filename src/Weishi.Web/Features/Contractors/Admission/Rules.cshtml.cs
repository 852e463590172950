using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Admission;

/// <summary>The district maintains the admission rules as data.</summary>
public sealed class RulesModel(WeishiDbContext db) : PageModel
{
    public sealed class RuleInput
    {
        public RuleKind Kind { get; set; } = RuleKind.MinFullTimeStaff;
        public int Threshold { get; set; }
        public string? Text { get; set; }
        public ProjectCategory? Category { get; set; }
        public RuleOutcome Outcome { get; set; } = RuleOutcome.Refuse;
    }

    [BindProperty] public RuleInput Input { get; set; } = new();
    public List<AdmissionRule> Rules { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        RegistryForm.TranslateBindingErrors(ModelState);
        if (!Enum.IsDefined(Input.Kind)) ModelState.AddModelError("Input.Kind", "请选择规则类型");
        if (!Enum.IsDefined(Input.Outcome)) ModelState.AddModelError("Input.Outcome", "请选择不满足时的结果");
        if (Input.Category is { } c && !Enum.IsDefined(c)) ModelState.AddModelError("Input.Category", "类别不正确");
        if (Input.Threshold < 0) ModelState.AddModelError("Input.Threshold", "数值不能为负数");
        if (Input.Kind == RuleKind.MinOrgRating && Input.Threshold is < 1 or > 5) ModelState.AddModelError("Input.Threshold", "评估等级应为 1 至 5（A）");
        if (Input.Kind == RuleKind.RequiredQualification && string.IsNullOrWhiteSpace(Input.Text)) ModelState.AddModelError("Input.Text", "请填写所需资格，如“社会工作师”");
        if (Input.Text?.Trim().Length > 60) ModelState.AddModelError("Input.Text", "资格名称不超过60字");
        if (!ModelState.IsValid) { await LoadAsync(); return Page(); }
        var rule = new AdmissionRule
        {
            Kind = Input.Kind, Threshold = Input.Threshold, Category = Input.Category, Outcome = Input.Outcome,
            Text = Input.Kind == RuleKind.RequiredQualification ? Input.Text!.Trim() : null,
        };
        db.AdmissionRules.Add(rule);
        await db.SaveChangesAsync();
        TempData["Message"] = $"已添加准入规则：{rule.Describe()}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostToggleAsync(int ruleId)
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        var rule = await db.AdmissionRules.FirstOrDefaultAsync(r => r.Id == ruleId);
        if (rule is null) return NotFound();
        rule.Active = !rule.Active;
        await db.SaveChangesAsync();
        TempData["Message"] = (rule.Active ? "已启用：" : "已停用：") + rule.Describe();
        return RedirectToPage();
    }

    private async Task LoadAsync() => Rules = await db.AdmissionRules.AsNoTracking().OrderBy(r => r.Id).ToListAsync();

    public static string KindName(RuleKind k) => k switch
    {
        RuleKind.MinYearsRegistered => "登记成立年限（年）",
        RuleKind.MinFullTimeStaff => "专职人员数（人）",
        RuleKind.NoViolationsWithinYears => "无违规记录的年限（年）",
        RuleKind.MinOrgRating => "社会组织评估等级（A）",
        RuleKind.RequiredQualification => "持某项资格的人数（人）",
        _ => "持证社工人数（人）",
    };
}
