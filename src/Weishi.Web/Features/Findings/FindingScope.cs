using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// An <see cref="EvaluationScope"/> turned into queries. Regions expand to their descendants (a subdistrict brings its
/// communities); the user's own scope still applies through the context's query filters.
/// </summary>
public sealed class FindingScope
{
    private FindingScope(EvaluationScope scope, List<int>? regionIds, Dictionary<int, string> names)
    {
        Scope = scope;
        RegionIds = regionIds;
        Names = names;
    }

    public EvaluationScope Scope { get; }

    /// <summary>Null for the whole district; else the chosen regions and all their descendants.</summary>
    public List<int>? RegionIds { get; }

    /// <summary>Short names of every region, for evidence rows.</summary>
    public Dictionary<int, string> Names { get; }

    public static async Task<FindingScope> ResolveAsync(WeishiDbContext db, EvaluationScope scope, CancellationToken ct)
    {
        var regions = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.ParentId, r.ShortName }).ToListAsync(ct);
        List<int>? ids = null;
        if (scope.RegionIds.Count > 0)
        {
            var set = new HashSet<int>(scope.RegionIds);
            for (var grew = true; grew;)
            {
                grew = false;
                foreach (var r in regions)
                    if (r.ParentId is { } parent && set.Contains(parent) && set.Add(r.Id)) grew = true;
            }
            ids = set.Order().ToList();
        }
        return new FindingScope(scope, ids, regions.ToDictionary(r => r.Id, r => r.ShortName));
    }

    public string Name(int regionId) => Names.GetValueOrDefault(regionId, regionId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The scope's projects of the period with one of the given statuses.</summary>
    public IQueryable<Project> Projects(WeishiDbContext db, ProjectStatus[]? statuses)
    {
        var (from, to) = (Scope.FromYear, Scope.ToYear);
        var q = db.Projects.AsNoTracking().Where(p => p.Year >= from && p.Year <= to);
        if (statuses is not null) q = q.Where(p => statuses.Contains(p.Status));
        if (RegionIds is { } regions) q = q.Where(p => regions.Contains(p.RegionId));
        if (Scope.ProjectIds.Count > 0)
        {
            var ids = Scope.ProjectIds.ToList();
            q = q.Where(p => ids.Contains(p.Id));
        }
        return q;
    }

    /// <summary>Who the statement speaks of: 全区, the chosen regions, or the chosen projects.</summary>
    public string Label => Scope.ProjectIds.Count > 0 ? $"所选 {Scope.ProjectIds.Count} 个项目"
        : Scope.RegionIds.Count == 0 ? "全区" : string.Join("、", Scope.RegionIds.Select(Name));

    /// <summary>The period as the evaluation report writes it (2021—2023年).</summary>
    public string Period => PerformanceEvaluation.PeriodOf(Scope.FromYear, Scope.ToYear);

    /// <summary>
    /// The project list showing what an evidence row of a region counts: the region's projects of the period at a stage
    /// (<see cref="ProjectStatusFilter"/>), optionally of one type.
    /// </summary>
    public string ProjectsLink(int regionId, string stage, ProjectType? type = null) =>
        FormattableString.Invariant($"/Projects?region={regionId}&from={Scope.FromYear}&to={Scope.ToYear}&status={stage}")
        + (type is { } t ? $"&type={t}" : "");

    public static string Percent(int part, int whole) => whole == 0 ? "—" : Display.Percent((decimal)part / whole);
}
