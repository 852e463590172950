using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Selection;

/// <summary>
/// 项目确定: ranks a community's scored proposals by combined score and proposes the winners within its remaining
/// budget by the chosen rule, explaining each result. Staff confirm, optionally overriding with a recorded reason.
/// </summary>
public sealed class IndexModel(WeishiDbContext db, SelectionService selection, ProjectTransitions transitions) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? RegionId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public SelectionRule? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public int CouncilWeight { get; set; } = 70;
    [BindProperty(SupportsGet = true)] public int VoteWeight { get; set; } = 30;

    public IReadOnlyList<Region> Communities { get; private set; } = [];
    public SelectionService.Proposal? Result { get; private set; }
    public IReadOnlyList<SelectionRun> Runs { get; private set; } = [];
    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(List<int> selected, string? reason)
    {
        await LoadAsync();
        if (Result is null) return Page();
        if (!db.Scope.CanWrite(Result.RegionId)) return Forbid();
        if (Result.Ballot is { } ballot && !ballot.IsClosed(db.Time.GetUtcNow().UtcDateTime))
        {
            // A result confirmed now would leave out the votes still to come (and the public page ignores it).
            Error = $"居民投票“{ballot.Title}”尚未结束（{Display.Time(ballot.ClosesAtUtc)} 截止），投票结束后才能确定入选项目";
            return Page();
        }
        var byRule = Result.Outcome.Selected.ToHashSet();
        var final = selected.Where(id => Result.Rows.Any(r => r.ProjectId == id)).ToHashSet();
        var overridden = !final.SetEquals(byRule);
        if (overridden && string.IsNullOrWhiteSpace(reason)) Error = "调整了规则的结果，请填写调整理由";
        else if (reason?.Length > 500) Error = "调整理由不超过500字";
        else if (Result.Rows.Where(r => final.Contains(r.ProjectId)).Sum(r => r.CostFen) > Result.BudgetFen) Error = "所选项目合计超出社区可用预算";
        if (Error is not null) return Page();

        var run = new SelectionRun
        {
            RegionId = Result.RegionId, Year = Result.Year, Rule = Result.Rule, CouncilWeight = CouncilWeight, VoteWeight = VoteWeight,
            BudgetFen = Result.BudgetFen, AtUtc = db.Time.GetUtcNow().UtcDateTime, ByUser = db.Scope.UserName,
            OverrideReason = overridden ? reason!.Trim() : null,
        };
        foreach (var r in Result.Rows)
            run.Decisions.Add(new SelectionDecision
            {
                ProjectId = r.ProjectId, Score = r.Combined, Votes = r.Votes, SelectedByRule = byRule.Contains(r.ProjectId),
                Selected = final.Contains(r.ProjectId), Why = Truncate(Result.Outcome.Why.GetValueOrDefault(r.ProjectId, ""), 300),
            });
        db.SelectionRuns.Add(run);
        await db.SaveChangesAsync();
        var refusals = new List<string>();
        foreach (var id in final)
            if (await transitions.MoveAsync(id, ProjectStatus.SubdistrictReview) is { } refusal)
                refusals.Add($"{Result.Rows.First(r => r.ProjectId == id).Name}：{refusal}");
        TempData["Message"] = $"已确定 {final.Count} 个项目并报街道审核" + (refusals.Count > 0 ? "；未能报送：" + string.Join("；", refusals) : "");
        return RedirectToPage(new { regionId = Result.RegionId, year = Result.Year });
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private async Task LoadAsync()
    {
        var scope = db.Scope;
        Communities = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).ToListAsync())
            .Where(r => scope.CanRead(r.Id)).ToList();
        RegionId ??= Communities.FirstOrDefault()?.Id;
        Year ??= ChinaDate.Today(db.Time).Year + 1;
        if (CouncilWeight < 0 || VoteWeight < 0 || CouncilWeight + VoteWeight == 0) { CouncilWeight = 70; VoteWeight = 30; }
        if (RegionId is not { } regionId || Communities.All(c => c.Id != regionId)) return;
        Result = await selection.ProposeAsync(regionId, Year.Value, Rule, CouncilWeight, VoteWeight);
        Rule = Result.Rule;
        Runs = await db.SelectionRuns.AsNoTracking().Include(r => r.Decisions).ThenInclude(d => d.Project)
            .Where(r => r.RegionId == regionId && r.Year == Year).OrderByDescending(r => r.Id).ToListAsync();
    }
}
