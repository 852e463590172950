using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Budgets;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Delivery;

/// <summary>
/// 拨付 by stage with a voucher. A project is never paid beyond its contract (or budget), and a community's spending
/// never beyond what it committed; the annual budget's version is bumped so that racing payments cannot both pass.
/// A payment is dated when it was made: not after today in China, and not before the contract was signed (if recorded).
/// </summary>
public sealed class DisbursementGuard(WeishiDbContext db)
{
    public static readonly string[] Stages = ["预付款", "进度款", "验收后尾款", "全额拨付"];

    /// <summary>Returns null when paid, else the reason in Chinese; nothing is saved on refusal.</summary>
    public async Task<string?> PayAsync(int projectId, DateOnly paidOn, long amountFen, string stage, string voucherNo, CancellationToken ct = default)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == projectId, ct);
        if (project is null) return "项目不存在或您无权访问";
        if (!db.Scope.CanWrite(project.RegionId)) return "只有项目所在社区或街道的工作人员可以登记拨付";
        if (!ProjectWorkflow.Implemented.Contains(project.Status)) return "项目进入实施后才能拨付资金";
        if (amountFen <= 0) return "拨付金额必须大于 0";
        if (!Stages.Contains(stage)) return "请选择拨付阶段";
        if (string.IsNullOrWhiteSpace(voucherNo)) return "请填写拨付凭证号";
        if (voucherNo.Trim().Length > 40) return "拨付凭证号不能超过 40 个字符";

        if (paidOn > ChinaDate.Today(db.Time)) return "拨付日期不能晚于今天";
        var contract = await db.Contracts.IgnoreQueryFilters().Where(c => c.ProjectId == projectId)
            .Select(c => new { c.AmountFen, c.SignedOn }).FirstOrDefaultAsync(ct);
        if (contract is not null && paidOn < contract.SignedOn) return $"拨付日期不能早于合同签订日期（{Display.Date(contract.SignedOn)}）";

        var budget = await db.BudgetLines.IgnoreQueryFilters().Where(l => l.ProjectId == projectId).SumAsync(l => l.AmountFen, ct);
        var limit = contract is not null ? Math.Min(contract.AmountFen, budget) : budget;
        var paid = await db.Disbursements.IgnoreQueryFilters().Where(d => d.ProjectId == projectId).SumAsync(d => d.AmountFen, ct);
        if (paid + amountFen > limit)
            return $"超出项目可拨付金额：合同（预算）{Money.Yuan(limit)} 元，已拨付 {Money.Yuan(paid)} 元，本次 {Money.Yuan(amountFen)} 元";

        var committed = await db.BudgetLines.IgnoreQueryFilters()
            .Where(l => l.Project!.RegionId == project.RegionId && l.Project.Year == project.Year && ProjectWorkflow.Committed.Contains(l.Project.Status))
            .SumAsync(l => l.AmountFen, ct);
        var spent = await db.Disbursements.IgnoreQueryFilters()
            .Where(d => d.Project!.RegionId == project.RegionId && d.Project.Year == project.Year).SumAsync(d => d.AmountFen, ct);
        if (spent + amountFen > committed)
            return $"超出社区已占用预算：已占用 {Money.Yuan(committed)} 元，已支出 {Money.Yuan(spent)} 元，本次 {Money.Yuan(amountFen)} 元";

        var annual = await db.AnnualBudgets.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.RegionId == project.RegionId && b.Year == project.Year, ct);
        if (annual is not null) annual.Version++;
        db.Disbursements.Add(new Disbursement { ProjectId = projectId, PaidOn = paidOn, AmountFen = amountFen, Stage = stage, VoucherNo = voucherNo.Trim() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return "同一社区正有其他拨付同时登记，请刷新后重试";
        }
        return null;
    }
}
