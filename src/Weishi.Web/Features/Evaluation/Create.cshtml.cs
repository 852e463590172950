using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation;

public sealed class CreateModel(WeishiDbContext db, EvaluationFactory factory) : PageModel
{
    [BindProperty] public EvaluationInput Input { get; set; } = new();
    public List<string> Errors { get; private set; } = [];
    public List<IndicatorTree> Trees { get; private set; } = [];
    public List<Region> Regions { get; private set; } = [];
    public int? OwnCommunity { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!EvaluationAccess.CanCreate(db.Scope)) return Forbid();
        await LoadAsync(ct);
        Input.FromYear = 2021;
        Input.ToYear = 2023;
        Input.TreeId = Trees.FirstOrDefault(t => t.Kind == (OwnCommunity is null ? TreeKind.Programme : TreeKind.SelfEvaluation))?.Id;
        Input.Title = OwnCommunity is null ? "民生微实事项目绩效评价" : "社区民生微实事项目自评";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!EvaluationAccess.CanCreate(db.Scope)) return Forbid();
        var (evaluation, errors) = await factory.CreateAsync(Input, ct);
        if (evaluation is null)
        {
            Errors = errors;
            await LoadAsync(ct);
            return Page();
        }
        TempData["Message"] = "评价已创建：数据类指标已按系统数据计算，请评价组完成专家评分";
        return RedirectToPage("Detail", new { id = evaluation.Id });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        OwnCommunity = EvaluationAccess.OwnCommunity(db.Scope);
        // The newest version of each tree is offered.
        var all = await db.Set<IndicatorTree>().AsNoTracking().OrderBy(t => t.Kind).ThenByDescending(t => t.Version).ToListAsync(ct);
        Trees = all.GroupBy(t => t.Kind).Select(g => g.First()).ToList();
        Regions = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.District).OrderBy(r => r.Code).ToListAsync(ct);
    }
}
