using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Assessment;

/// <summary>The district sets how much each assessment input counts.</summary>
public sealed class WeightsModel(WeishiDbContext db, ContractorAssessment assessment) : PageModel
{
    [BindProperty] public Dictionary<string, int> Weights { get; set; } = [];
    public IReadOnlyList<IAssessmentInput> Inputs => assessment.Inputs;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        Weights = await assessment.WeightsAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        RegistryForm.TranslateBindingErrors(ModelState);
        foreach (var input in Inputs)
        {
            if (!Weights.TryGetValue(input.Key, out var w)) ModelState.AddModelError("Weights", $"请填写“{input.Name}”的权重");
            else if (w is < 0 or > 100) ModelState.AddModelError("Weights", $"“{input.Name}”的权重应在 0 至 100 之间");
        }
        if (ModelState.IsValid && Inputs.Sum(i => Weights[i.Key]) == 0) ModelState.AddModelError("Weights", "权重不能全部为 0");
        if (!ModelState.IsValid) return Page();
        var stored = await db.AssessmentWeights.ToDictionaryAsync(w => w.InputKey);
        foreach (var input in Inputs)
        {
            if (!stored.TryGetValue(input.Key, out var row)) db.AssessmentWeights.Add(row = new AssessmentWeight { InputKey = input.Key });
            row.Weight = Weights[input.Key];
        }
        await db.SaveChangesAsync();
        TempData["Message"] = "已保存考核权重";
        return RedirectToPage();
    }
}
