using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Proposals;

/// <summary>
/// The 拟承接单位 a proposal of a category is offered: the contractors admitted for the category and not suspended
/// (<see cref="ContractorEligibility.PoolAsync"/>). Saving still checks <see cref="ContractorEligibility.RefusalAsync"/>:
/// this list only spares the user choosing one that would be refused.
/// </summary>
public static class ContractorOptions
{
    /// <param name="Eligible">False for the contractor already chosen that the category does not admit: it stays listed
    /// (marked) so that re-rendering the form does not drop the choice silently; saving refuses it.</param>
    public sealed record Option(int Id, string Name, bool Eligible);

    public static async Task<List<Option>> ForAsync(WeishiDbContext db, ContractorEligibility eligibility,
        ProjectCategory category, int? chosen, CancellationToken ct)
    {
        var pool = Enum.IsDefined(category) ? await eligibility.PoolAsync(category, ct) : [];
        var options = (await db.Contractors.AsNoTracking().Where(c => pool.Contains(c.Id) || c.Id == chosen)
                .Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => new Option(c.Id, c.Name, pool.Contains(c.Id)))
            .OrderByDescending(o => o.Eligible).ThenBy(o => o.Name, StringComparer.Ordinal).ToList();
        return options;
    }
}
