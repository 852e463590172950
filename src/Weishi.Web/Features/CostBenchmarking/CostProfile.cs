using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>What benchmarking needs of one project: its function, output and cost lines.</summary>
public sealed record CostProfile(int Id, string Code, string Name, int RegionId, string Community, int Year,
    ProjectType Type, ProjectCategory Category, ProjectStatus Status, int Beneficiaries, int Sessions, IReadOnlyList<CostLine> Lines)
{
    public string Function => FunctionKey.Of(Name, Community);
    public UnitCostNormaliser.Outputs Outputs => UnitCostNormaliser.Outputs.Planned(Type, Beneficiaries, Sessions, Lines.Select(l => (l.Unit, l.Quantity)));
    public long CostFen => Lines.Sum(l => l.AmountFen);
    public UnitCost Unit => UnitCostNormaliser.MainCost(Type, Outputs, CostFen);
    /// <summary>Says plainly when <see cref="Unit"/> is not the unit of the project's budget lines.</summary>
    public string? UnitNote => UnitCostNormaliser.UnitMismatch(Type, Outputs);

    /// <summary>
    /// Reads profiles across every region on purpose: benchmarking compares with other communities, and shows
    /// only names, places and unit costs of their projects, which the portal publishes anyway.
    /// </summary>
    public static async Task<List<CostProfile>> LoadAsync(WeishiDbContext db, Func<IQueryable<Project>, IQueryable<Project>> filter, CancellationToken ct)
    {
        var rows = await filter(db.Projects.IgnoreQueryFilters().AsNoTracking())
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.RegionId, Community = p.Region!.ShortName, p.Year, p.Type, p.Category, p.Status,
                p.PlannedBeneficiaries, p.PlannedSessions,
                Lines = p.BudgetLines.Select(l => new CostLine(l.Item, l.Unit, l.Quantity, l.AmountFen)).ToList(),
            }).ToListAsync(ct);
        return rows.Select(r => new CostProfile(r.Id, r.Code, r.Name, r.RegionId, r.Community, r.Year, r.Type, r.Category, r.Status,
            r.PlannedBeneficiaries, r.PlannedSessions, r.Lines)).ToList();
    }
}

public sealed record CostLine(string Item, string Unit, decimal Quantity, long AmountFen);
