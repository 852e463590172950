using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.Proposals;

/// <summary>The negative list and the per-type caps, checked when a proposal is submitted.</summary>
public sealed class ProposalChecks(WeishiDbContext db)
{
    public async Task<long> CapFenAsync(int year, ProjectType type, CancellationToken ct = default) =>
        await db.ProjectTypeCaps.Where(c => c.Year == year && c.Type == type).Select(c => (long?)c.CapFen).FirstOrDefaultAsync(ct)
        ?? ProjectTypeCap.DefaultFen(type);

    /// <summary>Every refusal for the proposal, each naming the rule; empty when it may be submitted.</summary>
    public async Task<List<string>> RefusalsAsync(int year, ProjectType type, string name, string? content, long budgetFen, CancellationToken ct = default)
    {
        var refusals = new List<string>();
        var text = name + " " + content;
        foreach (var rule in await db.NegativeListRules.AsNoTracking().Where(r => r.Active).OrderBy(r => r.Id).ToListAsync(ct))
        {
            var hit = rule.KeywordList().FirstOrDefault(k => text.Contains(k, StringComparison.Ordinal));
            if (hit is not null) refusals.Add($"负面清单“{rule.Title}”：{rule.Text}（命中“{hit}”）");
        }
        var cap = await CapFenAsync(year, type, ct);
        if (budgetFen > cap)
            refusals.Add($"负面清单“单个项目金额上限”：{ProjectNames.Type(type)}项目每个不超过 {Money.Wan(cap)} 万元，本项目 {Money.Wan(budgetFen)} 万元");
        return refusals;
    }
}
