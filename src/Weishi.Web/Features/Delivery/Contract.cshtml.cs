using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Delivery;

/// <summary>Records the contract (contractor, amount, dates) and the milestones of a project in progress.</summary>
public sealed class ContractModel(WeishiDbContext db) : PageModel
{
    public sealed class ContractInput
    {
        public int ContractorId { get; set; }
        public string? Amount { get; set; }
        public DateOnly? SignedOn { get; set; }
        public DateOnly? StartOn { get; set; }
        public DateOnly? EndOn { get; set; }
    }

    public sealed class MilestoneInput
    {
        public string? Name { get; set; }
        public string? Deliverable { get; set; }
        public DateOnly? PlannedOn { get; set; }
    }

    [BindProperty] public ContractInput Input { get; set; } = new();
    [BindProperty] public MilestoneInput Step { get; set; } = new();
    public Project Project { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Contractors { get; private set; } = [];
    /// <summary>China's today: the latest day the date picker offers for what has already happened.</summary>
    public DateOnly Today => ChinaDate.Today(db.Time);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == id);
        Input = contract is null
            ? new ContractInput { ContractorId = Project.ContractorId ?? 0 }
            : new ContractInput { ContractorId = contract.ContractorId, Amount = (contract.AmountFen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), SignedOn = contract.SignedOn, StartOn = contract.StartOn, EndOn = contract.EndOn };
        return Page();
    }

    public async Task<IActionResult> OnPostContractAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        if (!ProjectWorkflow.Implemented.Contains(Project.Status))
            ModelState.AddModelError("", "项目进入“实施中”后才能登记合同");
        if (!Contractors.Any(c => c.Id == Input.ContractorId)) ModelState.AddModelError("", "请选择承接单位");
        var (fen, moneyError) = Money.ParseYuan(Input.Amount);
        if (moneyError is not null) ModelState.AddModelError("", "合同金额：" + moneyError);
        var budget = await db.BudgetLines.Where(l => l.ProjectId == id).SumAsync(l => l.AmountFen, ct);
        if (fen > budget) ModelState.AddModelError("", $"合同金额不能超过项目预算 {Money.Yuan(budget)} 元");
        var paid = await db.Disbursements.Where(d => d.ProjectId == id).SumAsync(d => d.AmountFen, ct);
        if (fen < paid) ModelState.AddModelError("", $"合同金额不能低于已拨付金额 {Money.Yuan(paid)} 元");
        if (Input.SignedOn is null || Input.StartOn is null || Input.EndOn is null) ModelState.AddModelError("", "请填写签订日期和履约起止日期");
        else if (Input.EndOn < Input.StartOn) ModelState.AddModelError("", "履约结束日期不能早于开始日期");
        // Start and end are planned and may lie ahead; the signing has happened, and before any payment (DisbursementGuard).
        if (Input.SignedOn > Today) ModelState.AddModelError("", "合同签订日期不能晚于今天");
        var firstPaidOn = await db.Disbursements.Where(d => d.ProjectId == id).MinAsync(d => (DateOnly?)d.PaidOn, ct);
        if (Input.SignedOn > firstPaidOn) ModelState.AddModelError("", $"合同签订日期不能晚于最早一笔拨付的日期（{Display.Date(firstPaidOn!.Value)}）");
        if (!ModelState.IsValid) return Page();

        var contract = await db.Contracts.FirstOrDefaultAsync(c => c.ProjectId == id, ct);
        if (contract is null) db.Contracts.Add(contract = new Contract { ProjectId = id });
        contract.ContractorId = Input.ContractorId;
        contract.AmountFen = fen!.Value;
        contract.SignedOn = Input.SignedOn!.Value;
        contract.StartOn = Input.StartOn!.Value;
        contract.EndOn = Input.EndOn!.Value;
        var project = await db.Projects.FirstAsync(p => p.Id == id, ct);
        project.ContractorId = Input.ContractorId;
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "合同已保存";
        return RedirectToPage("Index", new { id });
    }

    public async Task<IActionResult> OnPostMilestoneAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Step.Name)) ModelState.AddModelError("", "请填写节点名称");
        if (string.IsNullOrWhiteSpace(Step.Deliverable)) ModelState.AddModelError("", "请填写交付物");
        if (Step.PlannedOn is null) ModelState.AddModelError("", "请填写计划日期");
        if (Step.Name?.Trim().Length > 80 || Step.Deliverable?.Trim().Length > 200) ModelState.AddModelError("", "节点名称不能超过 80 字，交付物不能超过 200 字");
        if (!ModelState.IsValid) return Page();
        db.Milestones.Add(new Milestone { ProjectId = id, Name = Step.Name!.Trim(), Deliverable = Step.Deliverable!.Trim(), PlannedOn = Step.PlannedOn!.Value });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "节点已添加";
        return RedirectToPage("Index", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        if (!DeliveryAccess.Manages(db.Scope, project)) return Forbid();
        Project = project;
        Contractors = (await db.Contractors.AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync())
            .Select(c => (c.Id, c.Name)).ToList();
        return null;
    }
}
