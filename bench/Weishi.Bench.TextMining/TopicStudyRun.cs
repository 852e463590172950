using System.Globalization;
using Weishi.TextMining.Clustering;
using Weishi.TextMining.Text;

namespace Weishi.Bench.TextMining;

/// <summary>
/// How well topics follow what needs are about, on labelled files: each file's needs are clustered with the default
/// topic count, and two figures are pooled — purity (the share of needs in their topic's most common category) and the
/// share of labelled duplicate pairs that land in one topic. Neither is the page's goal exactly, but a change that
/// lowers both clusters by something other than content.
/// </summary>
public static class TopicStudyRun
{
    public static void Run(IReadOnlyList<string> files)
    {
        var clusterer = new TopicClusterer(TextAnalyzer.Default);
        long needs = 0, pure = 0, pairs = 0, together = 0;
        foreach (var path in files)
        {
            var file = LabelledFile.Read(path);
            var topics = clusterer.Cluster(file.Texts.Cast<string?>().ToList());
            var topicOf = new int[file.Texts.Count];
            foreach (var t in topics)
                foreach (var i in t.Members) topicOf[i] = t.Id;
            var filePure = topics.Sum(t => t.Members.GroupBy(i => file.Categories[i]).Max(g => g.Count()));
            var (filePairs, fileTogether) = (0, 0);
            foreach (var group in Enumerable.Range(0, file.Texts.Count).Where(i => file.Groups[i].Length > 0).GroupBy(i => file.Groups[i]))
            {
                var members = group.ToList();
                for (var a = 0; a < members.Count; a++)
                    for (var b = a + 1; b < members.Count; b++)
                    {
                        filePairs++;
                        if (topicOf[members[a]] == topicOf[members[b]]) fileTogether++;
                    }
            }
            (needs, pure, pairs, together) = (needs + file.Texts.Count, pure + filePure, pairs + filePairs, together + fileTogether);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(path),-18} {topics.Count} topics, purity {(double)filePure / file.Texts.Count:P1}, duplicate pairs in one topic {(double)fileTogether / Math.Max(1, filePairs):P1}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pooled             purity {(double)pure / needs:P1}, duplicate pairs in one topic {(double)together / Math.Max(1, pairs):P1}"));
    }
}
