using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>The district's question bank and survey rules (minimum sample, rectification thresholds).</summary>
public sealed class BankModel(WeishiDbContext db) : PageModel
{
    public const int MaxQuestion = 100;

    public sealed class QuestionInput
    {
        public string? Text { get; set; }
        public ProjectType? ForType { get; set; }
        public ProjectCategory? ForCategory { get; set; }
        public string? NameKeywords { get; set; }
    }

    public List<SurveyQuestion> Questions { get; private set; } = [];
    public List<string> Errors { get; } = [];
    [BindProperty] public QuestionInput Input { get; set; } = new();
    [BindProperty] public SurveySetting Setting { get; set; } = new();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Setting = await SurveyReport.SettingAsync(db, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        var text = Input.Text?.Trim();
        var keywords = string.IsNullOrWhiteSpace(Input.NameKeywords) ? null : Input.NameKeywords.Trim();
        if (string.IsNullOrEmpty(text)) Errors.Add("请填写题目内容");
        else if (text.Length > MaxQuestion) Errors.Add($"题目内容不能超过 {MaxQuestion} 字");
        // The same text for other project names (other keywords) is another question: it reaches other projects.
        else if ((await db.SurveyQuestions.Where(q => q.Text == text && q.ForType == Input.ForType && q.ForCategory == Input.ForCategory)
                     .Select(q => q.NameKeywords).ToListAsync()).Any(k => SurveyQuestion.SameKeywords(k, keywords)))
            Errors.Add("题库中已有适用范围和项目名称关键词都相同的同名题目");
        if (keywords?.Length > SurveyQuestion.MaxKeywords) Errors.Add($"适用项目名称关键词不能超过 {SurveyQuestion.MaxKeywords} 字");
        if (Input.ForType is { } t && !Enum.IsDefined(t) || Input.ForCategory is { } c && !Enum.IsDefined(c)) Errors.Add("请选择有效的项目类型和类别");
        if (Errors.Count > 0) return await ReShowAsync();
        var order = await db.SurveyQuestions.MaxAsync(q => (int?)q.SortOrder) ?? 0;
        db.SurveyQuestions.Add(new SurveyQuestion { Text = text!, ForType = Input.ForType, ForCategory = Input.ForCategory, NameKeywords = keywords, SortOrder = order + 1 });
        await db.SaveChangesAsync();
        TempData["Message"] = "已加入题库";
        return RedirectToPage();
    }

    /// <summary>Retire or restore a targeted question; surveys already composed keep it.</summary>
    public async Task<IActionResult> OnPostToggleAsync(int questionId)
    {
        var question = await db.SurveyQuestions.FirstOrDefaultAsync(q => q.Id == questionId && !q.IsCore);
        if (question is null) return NotFound();
        question.Active = !question.Active;
        await db.SaveChangesAsync();
        TempData["Message"] = question.Active ? "已恢复题目" : "已停用题目";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSettingsAsync()
    {
        var s = Setting;
        if (!ModelState.IsValid) Errors.Add("请填写整数");
        if (s.SampleSharePercent is < 0 or > 100) Errors.Add("样本比例应在 0 至 100 之间");
        if (s.SampleFloor is < 1 or > 1000) Errors.Add("最低样本应在 1 至 1000 份之间");
        if (s.OverallBelowTenths is < 10 or > 50 || s.ItemBelowTenths is < 10 or > 50) Errors.Add("均值阈值应在 1.0 至 5.0 之间");
        if (s.DissatisfiedAbovePercent is < 0 or > 100) Errors.Add("不满意比例阈值应在 0 至 100 之间");
        if (s.RectificationDays is < 1 or > 365) Errors.Add("整改期限应在 1 至 365 天之间");
        if (Errors.Count > 0) return await ReShowAsync();
        var row = await db.SurveySettings.OrderBy(x => x.Id).FirstOrDefaultAsync();
        if (row is null) db.SurveySettings.Add(row = new SurveySetting());
        (row.SampleSharePercent, row.SampleFloor, row.OverallBelowTenths, row.ItemBelowTenths, row.DissatisfiedAbovePercent, row.RectificationDays) =
            (s.SampleSharePercent, s.SampleFloor, s.OverallBelowTenths, s.ItemBelowTenths, s.DissatisfiedAbovePercent, s.RectificationDays);
        await db.SaveChangesAsync();
        TempData["Message"] = "已保存测评规则";
        return RedirectToPage();
    }

    private async Task<IActionResult> ReShowAsync()
    {
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() =>
        Questions = await db.SurveyQuestions.AsNoTracking().OrderByDescending(q => q.IsCore).ThenBy(q => q.SortOrder).ThenBy(q => q.Id).ToListAsync();
}
