using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>What the 需求分析 page shows of a stored run, with the needs' current state and staff corrections applied.</summary>
public sealed class MiningView(WeishiDbContext db)
{
    public const int ReviewRows = 50;

    public sealed record Need(int Id, string TrackingCode, string Text, int RegionId, int? ParentRegionId, string Community,
        DemandStatus Status, string Category, double Confidence, bool Corrected, int Support);

    public sealed record TopicView(MiningTopic Topic, IReadOnlyList<(string Month, int Count)> Monthly,
        IReadOnlyList<(string Community, int Count)> Communities, IReadOnlyList<Need> Representatives, IReadOnlyList<Need> Needs,
        string? MainCategory);

    public sealed record Share(string Category, string Name, int Count, double Fraction);

    public sealed record Referral(Need Need, string Department, string? Note, string By, DateTime At);

    public sealed record Result(MiningRun Run, IReadOnlyList<TopicView> Topics, IReadOnlyList<string> Months,
        IReadOnlyList<Share> Shares, IReadOnlyList<(int Number, IReadOnlyList<Need> Members)> DuplicateGroups,
        IReadOnlyList<Need> ToRefer, IReadOnlyList<Referral> Referred, IReadOnlyList<Need> ToReview);

    public async Task<Result> LoadAsync(MiningRun run, CancellationToken ct)
    {
        var rows = await db.MiningItems.AsNoTracking().Where(i => i.RunId == run.Id)
            .Select(i => new
            {
                i.DemandId, i.TopicNumber, i.DuplicateGroup, i.Category, i.Confidence,
                i.Demand!.TrackingCode, i.Demand.Text, i.Demand.RegionId, i.Demand.Region!.ParentId, Community = i.Demand.Region.ShortName, i.Demand.Status,
            }).ToListAsync(ct);
        var corrections = (await db.CategoryCorrections.AsNoTracking()
                .Where(c => db.MiningItems.Any(i => i.RunId == run.Id && i.DemandId == c.DemandId))
                .Select(c => new { c.Id, c.DemandId, c.Category }).ToListAsync(ct))
            .GroupBy(c => c.DemandId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.Category);
        var support = await DemandMerger.SupportAsync(db, [.. rows.Select(r => r.DemandId)], ct);
        var needs = rows.ToDictionary(r => r.DemandId, r =>
        {
            var corrected = corrections.TryGetValue(r.DemandId, out var category);
            return new Need(r.DemandId, r.TrackingCode ?? "", r.Text, r.RegionId, r.ParentId, r.Community, r.Status,
                corrected ? category! : r.Category, r.Confidence, corrected, support.GetValueOrDefault(r.DemandId, 1));
        });

        var topicsByNumber = rows.GroupBy(r => r.TopicNumber).ToDictionary(g => g.Key, g => g.Select(r => needs[r.DemandId]).ToList());
        var topics = (await db.MiningTopics.AsNoTracking().Where(t => t.RunId == run.Id).OrderBy(t => t.Number).ToListAsync(ct))
            .Select(t =>
            {
                var members = topicsByNumber.GetValueOrDefault(t.Number) ?? [];
                var main = members.Where(n => n.Category != Categories.OutOfScope).GroupBy(n => n.Category)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault();
                return new TopicView(t, MiningTopic.ParsePairs(t.Monthly), MiningTopic.ParsePairs(t.Communities),
                    [.. t.RepresentativeIds().Where(needs.ContainsKey).Select(id => needs[id])], members, main);
            }).ToList();
        var months = topics.SelectMany(t => t.Monthly.Select(m => m.Month)).Distinct().Order(StringComparer.Ordinal).ToList();

        var total = Math.Max(1, needs.Count);
        var shares = needs.Values.GroupBy(n => n.Category).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new Share(g.Key, Categories.ChineseName(g.Key), g.Count(), g.Count() / (double)total)).ToList();

        // A group is still to merge while two of its open needs have not been judged 不是重复.
        var grouped = rows.Where(r => r.DuplicateGroup != null).Select(r => r.DemandId).ToList();
        var apart = (await db.DuplicateDecisions.AsNoTracking()
                .Where(d => grouped.Contains(d.DemandId) && grouped.Contains(d.OtherDemandId))
                .Select(d => new { d.Id, d.DemandId, d.OtherDemandId, d.IsDuplicate }).ToListAsync(ct))
            .GroupBy(d => (d.DemandId, d.OtherDemandId)).Where(g => !g.MaxBy(d => d.Id)!.IsDuplicate).Select(g => g.Key).ToHashSet();
        var groups = rows.Where(r => r.DuplicateGroup != null).GroupBy(r => r.DuplicateGroup!.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<Need>)[.. g.Select(r => needs[r.DemandId]).OrderBy(n => n.Id)]))
            .Where(g => StillToMerge(g.Item2, apart)).ToList();

        var outOfScope = needs.Values.Where(n => n.Category == Categories.OutOfScope).OrderBy(n => n.Id).ToList();
        var referralRows = await db.DemandReferrals.AsNoTracking()
            .Where(r => db.MiningItems.Any(i => i.RunId == run.Id && i.DemandId == r.DemandId)).OrderBy(r => r.Id).ToListAsync(ct);
        var referred = referralRows.Where(r => needs.ContainsKey(r.DemandId))
            .Select(r => new Referral(needs[r.DemandId], r.Department, r.Note, r.ReferredByName, r.ReferredAtUtc)).ToList();
        var toRefer = outOfScope.Where(n => DemandRules.OpenStatuses.Contains(n.Status)).ToList();
        var toReview = needs.Values.Where(n => n.Status != DemandStatus.Merged).OrderBy(n => n.Corrected).ThenBy(n => n.Confidence).ThenBy(n => n.Id)
            .Take(ReviewRows).ToList();
        return new Result(run, topics, months, shares, groups, toRefer, referred, toReview);
    }

    private static bool StillToMerge(IReadOnlyList<Need> members, HashSet<(int, int)> apart)
    {
        var open = members.Where(n => DemandRules.OpenStatuses.Contains(n.Status)).ToList();
        for (var i = 0; i < open.Count; i++)
            for (var j = i + 1; j < open.Count; j++)
                if (!apart.Contains((open[i].Id, open[j].Id))) return true;
        return false;
    }
}
