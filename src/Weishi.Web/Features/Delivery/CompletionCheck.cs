using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Beneficiaries;
using Weishi.Web.Features.Deviations;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Delivery;

/// <summary>
/// What 完工 means: the contract's work is delivered. Open rectifications forbid it; anything short of plan (sessions,
/// people reached, progress, milestones, a contract still running, open deviation warnings) needs a written explanation.
/// Payments are shown, not checked: the final payment (尾款) usually follows acceptance.
/// </summary>
public sealed record CompletionChecklist(Project Project, ProjectBeneficiaries Reach, long PaidFen, long BudgetFen, Contract? Contract,
    int OpenRectifications, IReadOnlyList<DeviationFlag> OpenDeviations, int MilestonesOpen, int ProgressRecords, DateOnly Today)
{
    public bool IsService => Project.Type == ProjectType.Service;

    /// <summary>What forbids 完工 outright, or null.</summary>
    public string? Blocker => OpenRectifications > 0 ? $"该项目还有 {OpenRectifications} 项整改未完成，不能完工" : null;

    /// <summary>Each way delivery falls short of plan, in Chinese; any of them requires the explanation.</summary>
    public IReadOnlyList<string> Shortfalls
    {
        get
        {
            var list = new List<string>();
            if (IsService && Reach.Sessions < Project.PlannedSessions)
                list.Add($"已开展 {Reach.Sessions} 场活动，少于计划的 {Project.PlannedSessions} 场");
            if (IsService && Reach.Unique < Project.PlannedBeneficiaries)
                list.Add($"实际受益 {Reach.Unique} 人，少于计划的 {Project.PlannedBeneficiaries} 人");
            if (!IsService && ProgressRecords == 0) list.Add("没有任何进度记录");
            if (Contract is null) list.Add("尚未登记合同");
            else if (Contract.EndOn > Today) list.Add($"合同履约期至 {Display.Date(Contract.EndOn)}，尚未到期");
            if (MilestonesOpen > 0) list.Add($"{MilestonesOpen} 个合同节点尚未完成");
            if (OpenDeviations.Count > 0) list.Add($"{OpenDeviations.Count} 项偏差预警尚未解除");
            return list;
        }
    }
}

/// <summary>Builds the checklist from the queries the delivery page uses (reach, money, contract, inspections, flags).</summary>
public sealed class CompletionCheck(WeishiDbContext db, BeneficiaryQuery beneficiaries)
{
    public async Task<CompletionChecklist> ForAsync(Project project, CancellationToken ct = default)
    {
        var id = project.Id;
        // Unfiltered below: the caller has loaded the project through the user's scope already.
        var budget = await db.BudgetLines.IgnoreQueryFilters().Where(l => l.ProjectId == id).SumAsync(l => l.AmountFen, ct);
        var paid = await db.Disbursements.IgnoreQueryFilters().Where(d => d.ProjectId == id).SumAsync(d => d.AmountFen, ct);
        var contract = await db.Contracts.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == id, ct);
        var flags = await db.DeviationFlags.IgnoreQueryFilters().AsNoTracking().Where(f => f.ProjectId == id && f.ResolvedOn == null)
            .OrderBy(f => f.Kind).ToListAsync(ct);
        var milestonesOpen = await db.Milestones.IgnoreQueryFilters().CountAsync(m => m.ProjectId == id && m.DoneOn == null, ct);
        var progress = await db.ProgressRecords.IgnoreQueryFilters().CountAsync(r => r.ProjectId == id, ct);
        return new CompletionChecklist(project, await beneficiaries.ForProjectAsync(project, ct), paid, budget, contract,
            await AcceptanceGuard.OpenRectificationsAsync(db, id, ct), flags, milestonesOpen, progress, ChinaDate.Today(db.Time));
    }
}

/// <summary>
/// Enforces the checklist on the step 实施中 → 已完工, whichever page posts it. One per request: the completion page hands
/// it the checklist it has just built for its form (<see cref="Use"/>), so that its post does not build it twice; any
/// other page hands nothing and the guard builds the checklist itself.
/// </summary>
public sealed class CompletionGuard(CompletionCheck completion) : IProjectStepGuard
{
    private CompletionChecklist? _built;

    /// <summary>The checklist of the project about to be moved, built earlier in this request; used by the next check of that project only.</summary>
    public void Use(CompletionChecklist built) => _built = built;

    public async Task<string?> CheckAsync(Project project, ProjectStatus to, string? comment, CancellationToken ct)
    {
        if (to != ProjectStatus.Completed || project.Status != ProjectStatus.InProgress) return null;
        var built = _built;
        _built = null;
        var check = built?.Project.Id == project.Id ? built : await completion.ForAsync(project, ct);
        if (check.Blocker is { } blocker) return blocker;
        if (check.Shortfalls.Count > 0 && string.IsNullOrWhiteSpace(comment))
            return $"项目未完全达到计划（{string.Join("；", check.Shortfalls)}），请填写完工说明";
        return null;
    }

    public Task OnMovingAsync(Project project, ProjectStatus from, ProjectStatus to, string? comment, CancellationToken ct) => Task.CompletedTask;
}
