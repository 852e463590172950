using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>One mining of the needs of a region (community, subdistrict or district) submitted in a period.</summary>
public class MiningRun : IRegionScoped, IAudited
{
    public int Id { get; set; }
    /// <summary>The region whose needs (its own and its communities') were mined; the run is visible to that region's staff.</summary>
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public int? JobId { get; set; }
    public int DemandCount { get; set; }
    /// <summary>The classifier used: null for the model shipped with the app, else the retrained version.</summary>
    public int? ClassifierVersionId { get; set; }
    /// <summary>The duplicate model used: null for the model shipped with the app, else the retrained version.</summary>
    public int? PairModelVersionId { get; set; }
    public string CreatedByName { get; set; } = "system";
    public DateTime CreatedAtUtc { get; set; }
    public List<MiningTopic> Topics { get; set; } = [];
    public List<MiningTopicRegion> TopicRegions { get; set; } = [];
    public List<MiningItem> Items { get; set; } = [];
}

/// <summary>A topic found by a run: label and keywords, size, needs per month and per community, representative needs.</summary>
public class MiningTopic
{
    public int Id { get; set; }
    public int RunId { get; set; }
    public MiningRun? Run { get; set; }
    /// <summary>Order by size within the run (0 = largest).</summary>
    public int Number { get; set; }
    public required string Label { get; set; }
    /// <summary>Top keywords separated by 、.</summary>
    public required string Keywords { get; set; }
    public int Size { get; set; }
    /// <summary>"yyyy-MM=count" pairs separated by ';'.</summary>
    public required string Monthly { get; set; }
    /// <summary>"communityName=count" pairs separated by ';', largest first.</summary>
    public required string Communities { get; set; }
    /// <summary>Ids of the most central needs, separated by ','.</summary>
    public required string RepresentativeDemandIds { get; set; }

    public static IReadOnlyList<(string Key, int Count)> ParsePairs(string pairs) =>
        [.. pairs.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p =>
        {
            var eq = p.LastIndexOf('=');
            return (p[..eq], int.Parse(p[(eq + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        })];

    /// <summary>"key=count;…", whole pairs only, as many as fit in <paramref name="maxLength"/>.</summary>
    public static string FormatPairs(IEnumerable<KeyValuePair<string, int>> pairs, int maxLength = int.MaxValue)
    {
        var text = new System.Text.StringBuilder();
        foreach (var p in pairs)
        {
            var pair = p.Key + "=" + p.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (text.Length + pair.Length + (text.Length > 0 ? 1 : 0) > maxLength) break;
            if (text.Length > 0) text.Append(';');
            text.Append(pair);
        }
        return text.ToString();
    }

    public IReadOnlyList<int> RepresentativeIds() =>
        [.. RepresentativeDemandIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))];
}

/// <summary>
/// A region where a run's topic had needs when it was mined (a need's region never changes). The page looks for a
/// topic's open needs in these regions only, reading the topic's items of the region until the first open one, instead
/// of reading every need of the run. Runs stored before these were kept get them from their needs at start-up
/// (<see cref="MiningRegionBackfill"/>).
/// </summary>
public class MiningTopicRegion
{
    public int RunId { get; set; }
    public MiningRun? Run { get; set; }
    public int TopicNumber { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
}

/// <summary>What a run found for one need: suggested category with confidence, topic, near-duplicate group and keywords.</summary>
public class MiningItem
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public MiningRun? Run { get; set; }
    public int DemandId { get; set; }
    public Demands.Demand? Demand { get; set; }
    public int TopicNumber { get; set; }
    /// <summary>The need's region (it never changes), so a topic's needs in one region are found by an index. Null in runs
    /// stored before it was kept until the start-up fills it (<see cref="MiningRegionBackfill"/>).</summary>
    public int? RegionId { get; set; }
    /// <summary>Near-duplicate group number within the run (1-based), null when the need has no near-duplicate.</summary>
    public int? DuplicateGroup { get; set; }
    /// <summary>Category code (see Weishi.TextMining.Classification.Categories).</summary>
    public required string Category { get; set; }
    public double Confidence { get; set; }
    public required string Keywords { get; set; }
}
