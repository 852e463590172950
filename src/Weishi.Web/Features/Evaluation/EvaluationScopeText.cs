using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation;

/// <summary>
/// What an evaluation covers, as lists and the evaluation page show it: 全区, the subdistricts' or communities' names
/// (范围：六联社区), a project's name or how many projects a set holds — so evaluations of the same kind can be told apart.
/// </summary>
public static class EvaluationScopeText
{
    private const int NamesShown = 3;

    public sealed record Subject(int Id, EvaluationScopeKind Kind, string RegionIds, string ProjectIds);

    /// <summary>The scope text of each evaluation by id, with region and project names read in two queries.</summary>
    public static async Task<IReadOnlyDictionary<int, string>> OfAsync(WeishiDbContext db, IReadOnlyCollection<Subject> evaluations, CancellationToken ct)
    {
        var regionIds = evaluations.Where(e => e.Kind is EvaluationScopeKind.Subdistrict or EvaluationScopeKind.Community)
            .SelectMany(e => PerformanceEvaluation.Ids(e.RegionIds)).Distinct().ToList();
        var projectIds = evaluations.Where(e => e.Kind is EvaluationScopeKind.Project or EvaluationScopeKind.ProjectSet)
            .SelectMany(e => PerformanceEvaluation.Ids(e.ProjectIds)).Distinct().ToList();
        var regions = regionIds.Count == 0 ? [] : await db.Regions.AsNoTracking().Where(r => regionIds.Contains(r.Id))
            .Select(r => new { r.Id, r.ShortName, r.Code }).ToListAsync(ct);
        var projects = projectIds.Count == 0 ? [] : await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.Code }).ToListAsync(ct);
        var regionNames = regions.OrderBy(r => r.Code, StringComparer.Ordinal).ToDictionary(r => r.Id, r => r.ShortName);
        var projectNames = projects.OrderBy(p => p.Code, StringComparer.Ordinal).ToDictionary(p => p.Id, p => p.Name);
        return evaluations.ToDictionary(e => e.Id, e => Describe(e, regionNames, projectNames));
    }

    public static async Task<string> OfAsync(WeishiDbContext db, PerformanceEvaluation e, CancellationToken ct) =>
        (await OfAsync(db, [new Subject(e.Id, e.ScopeKind, e.RegionIds, e.ProjectIds)], ct))[e.Id];

    private static string Describe(Subject e, IReadOnlyDictionary<int, string> regions, IReadOnlyDictionary<int, string> projects)
    {
        var kind = PerformanceEvaluation.ScopeName(e.Kind);
        switch (e.Kind)
        {
            case EvaluationScopeKind.Subdistrict or EvaluationScopeKind.Community:
                var names = Names(PerformanceEvaluation.Ids(e.RegionIds), regions);
                return names.Count == 0 ? kind : Join(names, $"个{kind}");
            case EvaluationScopeKind.Project or EvaluationScopeKind.ProjectSet:
                var titles = Names(PerformanceEvaluation.Ids(e.ProjectIds), projects);
                return titles.Count == 0 ? kind : $"{kind}：{Join(titles, "个项目")}";
            default:
                return kind;
        }
    }

    /// <summary>Names in the dictionary's order (by code), of the ids present.</summary>
    private static List<string> Names(IReadOnlyList<int> ids, IReadOnlyDictionary<int, string> names) =>
        names.Where(n => ids.Contains(n.Key)).Select(n => n.Value).ToList();

    private static string Join(List<string> names, string unit) =>
        names.Count <= NamesShown ? string.Join("、", names) : $"{string.Join("、", names.Take(NamesShown))}等 {names.Count} {unit}";
}
