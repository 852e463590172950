using Weishi.TextMining.Clustering;
using Weishi.TextMining.Text;

namespace Weishi.Web.Features.Surveys;

public sealed record CommentTopic(string Label, IReadOnlyList<string> Comments);

/// <summary>Free-text answers grouped by topic with the text-mining library's clusterer, largest topic first.</summary>
public static class CommentTopics
{
    public static List<CommentTopic> Group(IEnumerable<string?> comments)
    {
        var texts = comments.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!.Trim()).ToList();
        if (texts.Count == 0) return [];
        var topics = new TopicClusterer(TextAnalyzer.Default).Cluster(texts.ToList<string?>());
        return topics.Select(t => new CommentTopic(t.Label, t.Members.Select(i => texts[i]).ToList())).ToList();
    }
}
