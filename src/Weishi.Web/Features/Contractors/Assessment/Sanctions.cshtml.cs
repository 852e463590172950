using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors.Assessment;

/// <summary>重点关注与暂停建议: thresholds on the assessment score, proposals made from them, the district's decisions.</summary>
public sealed class SanctionsModel(WeishiDbContext db, SanctionProposer proposer) : PageModel
{
    public sealed class PolicyInput
    {
        public int? WatchBelow { get; set; }
        public int? SuspendBelow { get; set; }
        public int? Months { get; set; }
    }

    [BindProperty] public PolicyInput Policy { get; set; } = new();
    public List<SanctionProposal> Pending { get; private set; } = [];
    public List<SanctionProposal> Decided { get; private set; } = [];
    /// <summary>Contractors whose provisional score is below a line but who have no accepted project in that year: no proposal yet.</summary>
    public List<(YearScore Score, string Name)> Waiting { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        var policy = await proposer.PolicyAsync();
        Policy = new PolicyInput { WatchBelow = policy.WatchBelow, SuspendBelow = policy.SuspendBelow, Months = policy.Months };
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPolicyAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        RegistryForm.TranslateBindingErrors(ModelState);
        if (Policy.WatchBelow is not (>= 0 and <= 100)) ModelState.AddModelError("Policy.WatchBelow", "重点关注线应为 0 至 100 之间的整数");
        if (Policy.SuspendBelow is not (>= 0 and <= 100)) ModelState.AddModelError("Policy.SuspendBelow", "暂停线应为 0 至 100 之间的整数");
        else if (Policy.WatchBelow is { } watch && Policy.SuspendBelow > watch) ModelState.AddModelError("Policy.SuspendBelow", "暂停线不能高于重点关注线");
        if (Policy.Months is not (>= 1 and <= 36)) ModelState.AddModelError("Policy.Months", "期限应为 1 至 36 个月");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var row = await db.SanctionPolicies.OrderBy(p => p.Id).FirstOrDefaultAsync();
        if (row is null) db.SanctionPolicies.Add(row = new SanctionPolicy());
        row.WatchBelow = Policy.WatchBelow!.Value;
        row.SuspendBelow = Policy.SuspendBelow!.Value;
        row.Months = Policy.Months!.Value;
        await db.SaveChangesAsync();
        TempData["Message"] = "已保存重点关注与暂停的分数线";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostProposeAsync()
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        var added = await proposer.ProposeAsync(HttpContext.RequestAborted);
        TempData["Message"] = added == 0 ? "按当前考核得分没有新的建议" : $"按当前考核得分新增 {added} 条建议";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int proposalId, string? reason) =>
        await DecideAsync(() => proposer.ConfirmAsync(proposalId, reason, HttpContext.RequestAborted), "已确认，措施自今日起生效");

    public async Task<IActionResult> OnPostRejectAsync(int proposalId, string? reason) =>
        await DecideAsync(() => proposer.RejectAsync(proposalId, reason, HttpContext.RequestAborted), "已驳回该建议");

    private async Task<IActionResult> DecideAsync(Func<Task<string?>> decide, string done)
    {
        if (!db.Scope.Has(AppRole.DistrictAdmin)) return Forbid();
        if (await decide() is { } error)
        {
            ModelState.AddModelError("", error);
            var policy = await proposer.PolicyAsync();
            Policy = new PolicyInput { WatchBelow = policy.WatchBelow, SuspendBelow = policy.SuspendBelow, Months = policy.Months };
            await LoadAsync();
            return Page();
        }
        TempData["Message"] = done;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Pending = await db.SanctionProposals.AsNoTracking().Include(p => p.Contractor).Where(p => p.Status == ProposalStatus.Pending)
            .OrderBy(p => p.Kind == SanctionKind.Suspension ? 0 : 1).ThenBy(p => p.Score).ToListAsync();
        Decided = await db.SanctionProposals.AsNoTracking().Include(p => p.Contractor).Where(p => p.Status != ProposalStatus.Pending)
            .OrderByDescending(p => p.DecidedAtUtc).Take(50).ToListAsync();
        var (_, waiting) = await proposer.ScoresAsync(await proposer.PolicyAsync(), HttpContext.RequestAborted);
        var ids = waiting.Select(w => w.ContractorId).ToList();
        var names = await db.Contractors.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name);
        Waiting = waiting.Select(w => (w, names.GetValueOrDefault(w.ContractorId, ""))).ToList();
    }
}
