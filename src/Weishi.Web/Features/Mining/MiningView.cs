using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// What the 需求分析 page shows of a stored run, with the needs' current state and staff corrections applied. A run
/// can hold a district's year of needs (100,000 and more), so nothing loads the whole run: the counts are grouped in
/// the database (topic sizes, months and communities are stored with the run), and the lists are read a page at a time.
/// </summary>
public sealed class MiningView(WeishiDbContext db)
{
    public const int ReviewRows = 50;
    public const int GroupsPerPage = 20;
    public const int NeedsPerPage = 30;
    /// <summary>The open needs whose texts prefill a proposal's content.</summary>
    public const int ProposalTexts = 5;

    public sealed record Need(int Id, string TrackingCode, string Text, int RegionId, int? ParentRegionId, string Community,
        DemandStatus Status, string Category, double Confidence, bool Corrected, int Support);

    /// <summary>What a proposal made from a topic or group starts from: the first open needs' texts, and where the open needs are.</summary>
    public sealed record OpenNeeds(IReadOnlyList<string> Texts, IReadOnlyList<(int RegionId, int? ParentRegionId)> Regions)
    {
        public bool Any => Regions.Count > 0;

        public static OpenNeeds Of(IEnumerable<Need> needs)
        {
            var open = needs.Where(n => DemandRules.OpenStatuses.Contains(n.Status)).ToList();
            return new([.. open.Take(ProposalTexts).Select(n => n.Text)], [.. open.Select(n => (n.RegionId, n.ParentRegionId)).Distinct()]);
        }
    }

    public sealed record TopicView(MiningTopic Topic, IReadOnlyList<(string Month, int Count)> Monthly,
        IReadOnlyList<(string Community, int Count)> Communities, IReadOnlyList<Need> Representatives, OpenNeeds Open, string? MainCategory);

    public sealed record Share(string Category, string Name, int Count, double Fraction);

    public sealed record Referral(Need Need, string Department, string? Note, string By, DateTime At);

    public sealed record Group(int Number, IReadOnlyList<Need> Members);

    /// <summary>Which page of each list to show (1-based).</summary>
    public sealed record Pages(int Groups = 1, int ToRefer = 1, int Referred = 1);

    /// <param name="GroupsFound">How many duplicate groups the run found; <paramref name="DuplicateGroups"/> are those still
    /// to merge, not counted (counting them would judge every group of the run).</param>
    public sealed record Result(MiningRun Run, IReadOnlyList<TopicView> Topics, IReadOnlyList<string> Months,
        IReadOnlyList<Share> Shares, int GroupsFound, UncountedPage<Group> DuplicateGroups, Paged<Need> ToRefer, Paged<Referral> Referred, IReadOnlyList<Need> ToReview);

    /// <summary>A run's item with its need's current state and the latest staff correction of its category, if any.</summary>
    private sealed class Row
    {
        public int DemandId { get; init; }
        public int TopicNumber { get; init; }
        public int? DuplicateGroup { get; init; }
        public required string Suggested { get; init; }
        public string? CorrectedTo { get; init; }
        public double Confidence { get; init; }
        public string? TrackingCode { get; init; }
        public required string Text { get; init; }
        public int RegionId { get; init; }
        public int? ParentId { get; init; }
        public required string Community { get; init; }
        public DemandStatus Status { get; init; }
    }

    /// <param name="run">Read through the scope filter: the user sees its region, so its items, their needs and the staff's
    /// judgements on them are read without the filters (they would only add a join per item).</param>
    public async Task<Result> LoadAsync(MiningRun run, Pages pages, CancellationToken ct)
    {
        var items = db.MiningItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.RunId == run.Id);
        var rows = Rows(items);

        // Category counts per topic, from the stored suggestions, then moved by the (few) staff corrections: read from
        // the corrections' side, so no query looks up a correction for each of the run's items.
        var counts = (await items.GroupBy(i => new { i.TopicNumber, i.Category }).Select(g => new { g.Key.TopicNumber, g.Key.Category, Count = g.Count() })
            .ToListAsync(ct)).ToDictionary(c => (c.TopicNumber, c.Category), c => c.Count);
        var latest = (await db.CategoryCorrections.AsNoTracking().Where(c => items.Any(i => i.DemandId == c.DemandId))
                .Select(c => new { c.Id, c.DemandId, c.Category }).ToListAsync(ct))
            .GroupBy(c => c.DemandId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.Category);
        var correctedIds = latest.Keys.ToList();
        var corrected = (await items.Where(i => correctedIds.Contains(i.DemandId)).Select(i => new { i.DemandId, i.TopicNumber, Suggested = i.Category }).ToListAsync(ct))
            .Select(i => (i.DemandId, i.TopicNumber, i.Suggested, CorrectedTo: latest[i.DemandId])).Where(c => c.CorrectedTo != c.Suggested).ToList();
        foreach (var c in corrected)
        {
            counts[(c.TopicNumber, c.Suggested)] = counts.GetValueOrDefault((c.TopicNumber, c.Suggested)) - 1;
            counts[(c.TopicNumber, c.CorrectedTo)] = counts.GetValueOrDefault((c.TopicNumber, c.CorrectedTo)) + 1;
        }
        var total = Math.Max(1, counts.Values.Sum());
        var shares = counts.GroupBy(c => c.Key.Category, c => c.Value).Select(g => (Category: g.Key, Count: g.Sum())).Where(s => s.Count > 0)
            .OrderByDescending(s => s.Count).ThenBy(s => s.Category, StringComparer.Ordinal)
            .Select(s => new Share(s.Category, Categories.ChineseName(s.Category), s.Count, s.Count / (double)total)).ToList();

        var topics = await TopicsAsync(run, items, rows, counts, ct);
        var months = topics.SelectMany(t => t.Monthly.Select(m => m.Month)).Distinct().Order(StringComparer.Ordinal).ToList();

        // The groups are numbered 1, 2, … by the run. Only the page's groups still to merge are judged (and one more, to
        // know whether another page follows), in group order from the index.
        var groupsFound = await items.MaxAsync(i => i.DuplicateGroup, ct) ?? 0;
        var groupsPage = Math.Clamp(pages.Groups, 1, Math.Max(1, (groupsFound + GroupsPerPage - 1) / GroupsPerPage));
        var stillToMerge = await StillToMerge(items).Skip((groupsPage - 1) * GroupsPerPage).Take(GroupsPerPage + 1).ToListAsync(ct);
        var numbers = stillToMerge.Take(GroupsPerPage).Cast<int?>().ToList();
        var members = await rows.Where(r => numbers.Contains(r.DuplicateGroup)).OrderBy(r => r.DemandId).ToListAsync(ct);

        var open = DemandRules.OpenStatuses;
        var movedOut = corrected.Where(c => c.Suggested == Categories.OutOfScope).Select(c => c.DemandId).ToList();
        var movedIn = corrected.Where(c => c.CorrectedTo == Categories.OutOfScope).Select(c => c.DemandId).ToList();
        // 不属于微实事: the suggested ones (less those corrected away) read in need order from their index, and the few
        // corrected into it looked up by need and merged in here (in one query with the others, SQLite drives it from
        // every open need of the database).
        var suggestedOut = rows.Where(r => r.Suggested == Categories.OutOfScope && !movedOut.Contains(r.DemandId) && open.Contains(r.Status));
        var movedInOpen = (await items.Where(i => movedIn.Contains(i.DemandId)).Select(i => new { i.DemandId, i.Demand!.Status }).ToListAsync(ct))
            .Where(i => open.Contains(i.Status)).Select(i => i.DemandId).ToList();
        var referPage = Math.Max(1, pages.ToRefer);
        var firstSuggested = await suggestedOut.OrderBy(r => r.DemandId).Select(r => r.DemandId).Take(referPage * NeedsPerPage).ToListAsync(ct);
        var referIds = firstSuggested.Concat(movedInOpen).Order().Skip((referPage - 1) * NeedsPerPage).Take(NeedsPerPage).ToList();
        var toRefer = new Paged<Row>(await rows.Where(r => referIds.Contains(r.DemandId)).OrderBy(r => r.DemandId).ToListAsync(ct),
            referPage, NeedsPerPage, await suggestedOut.CountAsync(ct) + movedInOpen.Count);

        var referrals = await Paged<DemandReferral>.LoadAsync(db.DemandReferrals.AsNoTracking()
            .Where(r => items.Any(i => i.DemandId == r.DemandId)).OrderBy(r => r.Id), pages.Referred, NeedsPerPage, ct);
        var referredIds = referrals.Items.Select(r => r.DemandId).Distinct().ToList();
        var referredRows = await rows.Where(r => referredIds.Contains(r.DemandId)).ToListAsync(ct);

        // The least confident suggestions first, then the corrected ones.
        var toReview = await rows.Where(r => r.Status != DemandStatus.Merged && !correctedIds.Contains(r.DemandId))
            .OrderBy(r => r.Confidence).ThenBy(r => r.DemandId).Take(ReviewRows).ToListAsync(ct);
        if (toReview.Count < ReviewRows)
            toReview.AddRange(await rows.Where(r => r.Status != DemandStatus.Merged && correctedIds.Contains(r.DemandId))
                .OrderBy(r => r.Confidence).ThenBy(r => r.DemandId).Take(ReviewRows - toReview.Count).ToListAsync(ct));

        var needs = await NeedsAsync([.. members, .. toRefer.Items, .. referredRows, .. toReview], ct);
        var groups = numbers.Select(n => new Group(n!.Value, [.. members.Where(m => m.DuplicateGroup == n).Select(m => needs[m.DemandId])])).ToList();
        return new Result(run, topics, months, shares, groupsFound,
            new UncountedPage<Group>(groups, groupsPage, stillToMerge.Count > GroupsPerPage),
            new Paged<Need>([.. toRefer.Items.Select(r => needs[r.DemandId])], toRefer.Page, NeedsPerPage, toRefer.Total),
            new Paged<Referral>([.. referrals.Items.Where(r => needs.ContainsKey(r.DemandId))
                .Select(r => new Referral(needs[r.DemandId], r.Department, r.Note, r.ReferredByName, r.ReferredAtUtc))], referrals.Page, NeedsPerPage, referrals.Total),
            [.. toReview.Select(r => needs[r.DemandId])]);
    }

    /// <summary>The stored topics with their representative needs, their open needs' first texts and places, and their
    /// main category (the most frequent but 不属于微实事).</summary>
    private async Task<List<TopicView>> TopicsAsync(MiningRun run, IQueryable<MiningItem> items, IQueryable<Row> rows,
        Dictionary<(int Topic, string Category), int> counts, CancellationToken ct)
    {
        var stored = await db.MiningTopics.AsNoTracking().Where(t => t.RunId == run.Id).OrderBy(t => t.Number).ToListAsync(ct);
        var representativeIds = stored.SelectMany(t => t.RepresentativeIds()).Distinct().ToList();
        var representatives = await NeedsAsync(await rows.Where(r => representativeIds.Contains(r.DemandId)).ToListAsync(ct), ct);

        var open = DemandRules.OpenStatuses;
        var openItems = items.Where(i => open.Contains(i.Demand!.Status));
        var places = await OpenPlacesAsync(run, openItems, ct);
        var views = new List<TopicView>();
        foreach (var t in stored)
        {
            var regions = places[t.Number].OrderBy(p => p.RegionId).ToList();
            var texts = regions.Count == 0 ? [] : await openItems.Where(i => i.TopicNumber == t.Number).OrderBy(i => i.DemandId)
                .Select(i => i.Demand!.Text).Take(ProposalTexts).ToListAsync(ct);
            var main = counts.Where(c => c.Key.Topic == t.Number && c.Value > 0 && c.Key.Category != Categories.OutOfScope)
                .OrderByDescending(c => c.Value).ThenBy(c => c.Key.Category, StringComparer.Ordinal).Select(c => c.Key.Category).FirstOrDefault();
            views.Add(new TopicView(t, MiningTopic.ParsePairs(t.Monthly), MiningTopic.ParsePairs(t.Communities),
                [.. t.RepresentativeIds().Where(representatives.ContainsKey).Select(id => representatives[id])], new OpenNeeds(texts, regions), main));
        }
        return views;
    }

    /// <summary>Where each topic's open needs are: of the regions stored with the run, those where the topic still has
    /// an open need (each check reads the topic's items of the region until the first open one). Runs stored before the
    /// regions were kept get them at start-up (<see cref="MiningRegionBackfill"/>).</summary>
    private async Task<ILookup<int, (int RegionId, int? ParentId)>> OpenPlacesAsync(MiningRun run, IQueryable<MiningItem> openItems, CancellationToken ct)
    {
        var places = await db.MiningTopicRegions.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.RunId == run.Id && openItems.Any(i => i.TopicNumber == p.TopicNumber && i.RegionId == p.RegionId))
            .Select(p => new { p.TopicNumber, p.RegionId, p.Region!.ParentId }).ToListAsync(ct);
        return places.ToLookup(p => p.TopicNumber, p => (p.RegionId, p.ParentId));
    }

    /// <summary>
    /// The numbers of the duplicate groups still to merge, in order: those where two open needs have not been judged
    /// 不是重复 (the latest decision on the pair). Read from each group's first item in the index (run, group, need),
    /// judging the groups in order, so a page reads its own groups and the ones before it, not the whole run.
    /// </summary>
    private IQueryable<int> StillToMerge(IQueryable<MiningItem> items)
    {
        var open = DemandRules.OpenStatuses;
        var grouped = items.Where(i => i.DuplicateGroup != null);
        var openGrouped = grouped.Where(i => open.Contains(i.Demand!.Status));
        return grouped.Where(first => !grouped.Any(e => e.DuplicateGroup == first.DuplicateGroup && e.DemandId < first.DemandId)
                && openGrouped.Any(a => a.DuplicateGroup == first.DuplicateGroup && openGrouped.Any(b => b.DuplicateGroup == a.DuplicateGroup && b.DemandId > a.DemandId
                    && !db.DuplicateDecisions.Any(d => d.DemandId == a.DemandId && d.OtherDemandId == b.DemandId && !d.IsDuplicate
                        && !db.DuplicateDecisions.Any(e => e.DemandId == d.DemandId && e.OtherDemandId == d.OtherDemandId && e.Id > d.Id)))))
            .OrderBy(first => first.DuplicateGroup).Select(first => first.DuplicateGroup!.Value);
    }

    private IQueryable<Row> Rows(IQueryable<MiningItem> items) => items.Select(i => new Row
    {
        DemandId = i.DemandId, TopicNumber = i.TopicNumber, DuplicateGroup = i.DuplicateGroup, Suggested = i.Category, Confidence = i.Confidence,
        CorrectedTo = db.CategoryCorrections.Where(c => c.DemandId == i.DemandId).OrderByDescending(c => c.Id).Select(c => c.Category).FirstOrDefault(),
        TrackingCode = i.Demand!.TrackingCode, Text = i.Demand.Text, RegionId = i.Demand.RegionId, ParentId = i.Demand.Region!.ParentId,
        Community = i.Demand.Region.ShortName, Status = i.Demand.Status,
    });

    /// <summary>The needs shown, by id, with their support (themselves and the needs merged into them).</summary>
    private async Task<Dictionary<int, Need>> NeedsAsync(IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var support = await DemandMerger.SupportAsync(db, [.. rows.Select(r => r.DemandId).Distinct()], ct);
        return rows.DistinctBy(r => r.DemandId).ToDictionary(r => r.DemandId, r => new Need(r.DemandId, r.TrackingCode ?? "", r.Text, r.RegionId, r.ParentId,
            r.Community, r.Status, r.CorrectedTo ?? r.Suggested, r.Confidence, r.CorrectedTo is not null, support.GetValueOrDefault(r.DemandId, 1)));
    }
}
