namespace Weishi.TextMining.Clustering;

/// <summary>A dated need from a community, as callers hold them.</summary>
public readonly record struct DatedText(string Text, DateOnly Date, string CommunityId);

/// <summary>Counts of a topic's needs per month and per community.</summary>
public sealed record TopicTrend(Topic Topic, IReadOnlyDictionary<string, int> ByMonth, IReadOnlyDictionary<string, int> ByCommunity);

/// <summary>Clusters dated needs and counts each topic by month ("yyyy-MM") and by community.</summary>
public static class TopicTrends
{
    public static IReadOnlyList<TopicTrend> Compute(IReadOnlyList<DatedText> records, TopicClusterer clusterer, int? topicCount = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(clusterer);
        var topics = clusterer.Cluster([.. records.Select(r => r.Text)], topicCount);
        return Compute(records, topics);
    }

    /// <summary>Trends of already computed topics whose member indices refer to <paramref name="records"/>.</summary>
    public static IReadOnlyList<TopicTrend> Compute(IReadOnlyList<DatedText> records, IReadOnlyList<Topic> topics)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(topics);
        return [.. topics.Select(topic => new TopicTrend(
            topic,
            CountBy(topic.Members, i => records[i].Date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
            CountBy(topic.Members, i => records[i].CommunityId)))];
    }

    private static SortedDictionary<string, int> CountBy(int[] members, Func<int, string> key)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in members) counts[key(i)] = counts.GetValueOrDefault(key(i)) + 1;
        return counts;
    }
}
