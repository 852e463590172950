using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// 五(一) 供需失衡: few projects trace back to a resident's need, residents rarely knew the programme (知晓率 of the
/// surveys), and whole groups are (almost) never heard in the needs collected for the period.
/// </summary>
public sealed class DemandSupplyDetector(WeishiDbContext db, RecommendationLibrary library) : IFindingDetector
{
    /// <summary>Below this share of projects linked to a need the programme is not demand-led.</summary>
    public const decimal MinLinkedShare = 0.5m;
    public const decimal MinAwareness = 0.6m;
    public const int MinAnswers = 10;

    public string Type => FindingTypes.DemandSupply;

    public async Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct)
    {
        var s = await FindingScope.ResolveAsync(db, scope, ct);
        var projects = s.Projects(db, ProjectWorkflow.Committed);
        var linked = await projects.GroupBy(p => p.RegionId)
            .Select(g => new { RegionId = g.Key, Count = g.Count(), Linked = g.Count(p => db.Demands.Any(d => d.ProjectId == p.Id)) })
            .ToListAsync(ct);
        var total = linked.Sum(r => r.Count);
        var linkedTotal = linked.Sum(r => r.Linked);

        var projectIds = projects.Select(p => p.Id);
        var awareness = await db.SurveyResponses.AsNoTracking().Where(r => projectIds.Contains(r.ProjectId))
            .GroupBy(r => 1).Select(g => new { Answers = g.Count(), Knew = g.Count(r => r.KnewBefore) }).FirstOrDefaultAsync(ct);

        var unheard = scope.ProjectIds.Count == 0 ? await UnheardAsync(s, ct) : [];

        var fewLinked = total > 0 && linkedTotal < total * MinLinkedShare;
        var lowAwareness = awareness is { Answers: >= MinAnswers } a && a.Knew < a.Answers * MinAwareness;
        if (!fewLinked && !lowAwareness && unheard.Count == 0) return null;

        var parts = new List<string>();
        var evidence = new List<FindingEvidence>();
        if (fewLinked)
        {
            parts.Add($"{s.Period}{s.Label}立项 {total} 个项目中，能对应到居民提出需求的仅 {linkedTotal} 个，占 {FindingScope.Percent(linkedTotal, total)}"
                + $"（低于 {Display(MinLinkedShare)}），项目征集多停留在“形式征集”");
            evidence.AddRange(linked.Where(r => r.Linked < r.Count * MinLinkedShare)
                .OrderBy(r => (decimal)r.Linked / r.Count).ThenBy(r => s.Name(r.RegionId), StringComparer.Ordinal)
                .Select(r => new FindingEvidence(s.Name(r.RegionId), $"对接需求的项目 {r.Linked} / {r.Count} 个（{FindingScope.Percent(r.Linked, r.Count)}）",
                    s.ProjectsLink(r.RegionId, ProjectStatusFilter.Committed))));
        }
        if (lowAwareness)
        {
            parts.Add($"满意度测评中事先知道“民生微实事”的受访居民仅 {awareness!.Knew} / {awareness.Answers} 人，知晓率 {FindingScope.Percent(awareness.Knew, awareness.Answers)}"
                + $"（低于 {Display(MinAwareness)}），政策整体知晓率不高");
            evidence.Add(new FindingEvidence("满意度测评 · 知晓率", $"{awareness.Knew} / {awareness.Answers} 人（{FindingScope.Percent(awareness.Knew, awareness.Answers)}）"));
        }
        if (unheard.Count > 0)
        {
            // The coverage page shows one community's year: it opens on the community when the run is about one.
            var coverage = s.RegionIds is [var community] ? FormattableString.Invariant($"/Demands/Coverage?community={community}&year={scope.ToYear}") : "/Demands/Coverage";
            parts.Add($"{string.Join("、", unheard.Select(u => u.Segment.Name))}在居民需求中的占比不到其人口占比的一半，这些群体的诉求很少被听到");
            evidence.AddRange(unheard.Select(u => new FindingEvidence($"{u.Segment.Name}（{u.Segment.Dimension}）",
                $"需求中占 {Display(u.HeardShare)}，人口中占 {Display(u.PopulationShare)}{(u.Heard == 0 ? "，从未被听到" : "")}", coverage)));
        }
        var statement = string.Join("；", parts) + "。需求端与供给端未能有效匹配。";
        return new Finding(Type, "供需失衡：项目与居民需求对接不足", statement, evidence, await library.TextAsync(Type, ct));
    }

    private static string Display(decimal share) => Infrastructure.Web.Display.Percent(share);

    public sealed record Unheard(Segment Segment, int Heard, decimal HeardShare, decimal PopulationShare);

    /// <summary>
    /// Needs collected for the period (from July of the year before, when collection for the first year starts) by the
    /// residents' self-description, against the population profile of the scope's communities — the coverage page's rule.
    /// </summary>
    private async Task<List<Unheard>> UnheardAsync(FindingScope s, CancellationToken ct)
    {
        var from = ChinaDate.StartUtc(new DateOnly(s.Scope.FromYear - 1, 7, 1));
        var to = ChinaDate.StartUtc(new DateOnly(s.Scope.ToYear + 1, 1, 1));
        var demands = db.Demands.AsNoTracking().Where(d => d.SubmittedAtUtc >= from && d.SubmittedAtUtc < to);
        var populations = db.CommunityPopulations.AsNoTracking();
        if (s.RegionIds is { } regions)
        {
            demands = demands.Where(d => regions.Contains(d.RegionId));
            populations = populations.Where(p => regions.Contains(p.RegionId));
        }
        var profiles = await demands.GroupBy(d => new { d.AgeBand, d.ResidentType, d.Groups })
            .Select(g => new { g.Key.AgeBand, g.Key.ResidentType, g.Key.Groups, Count = g.Count() }).ToListAsync(ct);
        var population = await populations.GroupBy(p => p.Segment).Select(g => new { g.Key, Sum = g.Sum(p => p.Population) })
            .ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var total = profiles.Sum(p => p.Count);
        var result = new List<Unheard>();
        foreach (var dimension in Segment.All.GroupBy(x => x.Dimension))
        {
            var known = dimension.Key switch
            {
                Segment.AgeDimension => profiles.Where(p => p.AgeBand != null).Sum(p => p.Count),
                Segment.TypeDimension => profiles.Where(p => p.ResidentType != null).Sum(p => p.Count),
                _ => total,
            };
            int? denominator = dimension.Key == Segment.GroupDimension
                ? population.TryGetValue(Segment.Total, out var t) ? t : null
                : dimension.All(x => population.ContainsKey(x.Key)) ? dimension.Sum(x => population[x.Key]) : null;
            if (known == 0 || denominator is not > 0) continue;
            foreach (var segment in dimension)
            {
                if (!population.TryGetValue(segment.Key, out var pop)) continue;
                var heard = profiles.Where(p => segment.Matches(p.AgeBand, p.ResidentType, p.Groups)).Sum(p => p.Count);
                var heardShare = (decimal)heard / known;
                var popShare = (decimal)pop / denominator.Value;
                if (popShare >= 0.05m && heardShare < popShare / 2) result.Add(new Unheard(segment, heard, heardShare, popShare));
            }
        }
        return result;
    }
}
