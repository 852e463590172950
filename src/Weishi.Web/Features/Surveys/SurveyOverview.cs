using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>One surveyed project's figures, the unit every results view and the contractor assessment build on.</summary>
public sealed record ProjectSurveySummary(int ProjectId, string Name, int Year, ProjectCategory Category, string Community, string Contractor,
    int? ContractorId, SurveyStatistics Stats, List<FormalityFlag> Flags, bool Rectified);

/// <param name="ProjectId">The project, when grouped by project (its row links to the project's survey page).</param>
/// <param name="Mean">Null, like the shares, when no project of the group has answers yet.</param>
public sealed record SurveyGroup(string Label, int Projects, int Answers, double? Mean, double? Dissatisfied, double? Awareness,
    int FlaggedProjects, int Rectifications, int[] Distribution, int? ProjectId = null);

public static class SurveyOverview
{
    public static readonly (string Key, string Name)[] Dimensions =
        [("project", "项目"), ("contractor", "承接单位"), ("category", "项目类别"), ("community", "社区"), ("year", "年度")];

    /// <summary>
    /// Every surveyed project, answered or not (its averages are null then), in the user's scope — or across scopes for
    /// the contractor assessment, which lets only aggregates out.
    /// </summary>
    public static async Task<List<ProjectSurveySummary>> LoadAsync(WeishiDbContext db, int? year, bool acrossScopes, CancellationToken ct,
        IReadOnlyCollection<int>? projectIds = null)
    {
        var surveys = acrossScopes ? db.Surveys.IgnoreQueryFilters() : db.Surveys;
        var responses = acrossScopes ? db.SurveyResponses.IgnoreQueryFilters() : db.SurveyResponses;
        var attendances = acrossScopes ? db.Attendances.IgnoreQueryFilters() : db.Attendances;
        var rectifications = acrossScopes ? db.Rectifications.IgnoreQueryFilters() : db.Rectifications;
        var projects = (acrossScopes ? db.Projects.IgnoreQueryFilters() : db.Projects).Where(p => surveys.Any(s => s.ProjectId == p.Id));
        if (year is { } y) projects = projects.Where(p => p.Year == y);
        if (projectIds is not null) projects = projects.Where(p => projectIds.Contains(p.Id));
        var info = await projects.AsNoTracking().Select(p => new
        {
            p.Id, p.Name, p.Year, p.Category, Community = p.Region!.ShortName, Contractor = p.Contractor != null ? p.Contractor.Name : "（无）", p.ContractorId,
        }).ToDictionaryAsync(p => p.Id, ct);
        var ids = info.Keys.ToList();
        var sheets = (await responses.AsNoTracking().Where(r => ids.Contains(r.ProjectId)).ToListAsync(ct)).ToLookup(r => r.ProjectId);
        var starts = await surveys.AsNoTracking().Where(s => ids.Contains(s.ProjectId)).ToDictionaryAsync(s => s.ProjectId, s => s.ServiceStartUtc, ct);
        var people = await attendances.AsNoTracking().Where(a => ids.Contains(a.ProjectId)).GroupBy(a => a.ProjectId)
            .Select(g => new { g.Key, Count = g.Select(a => a.ParticipantId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var rectified = (await rectifications.AsNoTracking().Where(r => ids.Contains(r.ProjectId)).Select(r => r.ProjectId).ToListAsync(ct)).ToHashSet();
        return info.Values.OrderBy(p => p.Year).ThenBy(p => p.Id).Select(p =>
        {
            var list = sheets[p.Id].ToList();
            return new ProjectSurveySummary(p.Id, p.Name, p.Year, p.Category, p.Community, p.Contractor, p.ContractorId, SurveyStatistics.Of(list),
                FormalityDetector.Detect(list, people.GetValueOrDefault(p.Id), starts[p.Id]), rectified.Contains(p.Id));
        }).ToList();
    }

    public static List<SurveyGroup> Group(IEnumerable<ProjectSurveySummary> projects, string dimension) =>
        // By project each project is its own row, also when two share a name and a year.
        projects.GroupBy(p => dimension switch
            {
                "contractor" => (p.Contractor, (int?)null),
                "category" => (ProjectNames.Category(p.Category), null),
                "community" => (p.Community, null),
                "year" => (p.Year + "年", null),
                "all" => ("合计", null),
                _ => ($"{p.Name}（{p.Year}）", p.ProjectId),
            })
            .Select(g =>
            {
                var answers = g.Sum(p => p.Stats.Count);
                var distribution = Enumerable.Range(0, 5).Select(i => g.Sum(p => p.Stats.Distribution[i])).ToArray();
                // Weighted by answers: a project nobody answered adds nothing, it does not count as a 0.
                double? Weighted(Func<SurveyStatistics, double?> f) =>
                    answers == 0 ? null : g.Sum(p => f(p.Stats) is { } value ? value * p.Stats.Count : 0) / answers;
                return new SurveyGroup(g.Key.Item1, g.Count(), answers, Weighted(s => s.Mean), Weighted(s => s.Dissatisfied), Weighted(s => s.Awareness),
                    g.Count(p => p.Flags.Count > 0), g.Count(p => p.Rectified), distribution, g.Key.Item2);
            })
            .OrderBy(g => dimension == "year" ? g.Label : "").ThenByDescending(g => g.Answers).ToList();
}
