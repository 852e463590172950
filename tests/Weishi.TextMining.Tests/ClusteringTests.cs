using Weishi.TextMining.Clustering;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Tests;

public sealed class ClusteringTests
{
    private static readonly string[] Texts =
    [
        "长者饭堂的饭菜太咸了", "希望长者饭堂增加送餐服务", "长者饭堂周末不开门", "长者饭堂价格太贵老人吃不起",
        "小区路灯坏了晚上很黑", "路灯不亮走路不安全", "巷子里路灯坏了好几盏", "请修一下门口的路灯",
        "篮球场想办篮球比赛", "篮球场的篮筐歪了", "希望组织篮球联赛", "篮球场地面开裂",
    ];

    [Fact]
    public void Known_topics_are_separated_and_labelled()
    {
        var topics = new TopicClusterer(TextAnalyzer.Default).Cluster(Texts, 3);
        Assert.Equal(3, topics.Count);
        Assert.True(topics.All(t => t.Members.Select(i => i / 4).Distinct().Count() == 1),
            string.Join("\n", topics.Select(t => t.Label + ": " + string.Join(" / ", t.Members.Select(i => string.Join('|', TextAnalyzer.Default.Terms(Texts[i])))))));
        Assert.Equal(Texts.Length, topics.Sum(t => t.Size));
        foreach (var topic in topics)
        {
            var theme = topic.Members.Select(i => i / 4).Distinct().ToList();
            Assert.Single(theme);
            Assert.Equal(4, topic.Size);
            Assert.NotEmpty(topic.Representatives);
        }
        Assert.Contains(topics, t => t.Keywords.Contains("长者饭堂"));
        Assert.Contains(topics, t => t.Keywords.Contains("路灯"));
    }

    [Fact]
    public void Topic_labels_name_what_needs_are_about_not_where()
    {
        string[] texts =
        [
            "六联社区翠湖花园片区的路灯坏了", "六联社区翠湖花园路灯不亮，晚上很黑", "六联社区新村片区路灯坏了好几盏", "六联社区花园门口路灯不亮",
            "六联社区翠湖花园片区想办篮球比赛", "六联社区新村篮球场篮筐歪了", "六联社区翠湖花园篮球场地面开裂", "六联社区片区希望组织篮球联赛",
        ];
        var topics = new TopicClusterer(TextAnalyzer.Default).Cluster(texts, 2);
        string[] places = ["六联社区", "六联", "社区", "片区", "花园", "新村", "翠湖花园", "翠湖", "门口"];
        foreach (var topic in topics)
        {
            Assert.DoesNotContain(topic.Keywords, k => places.Contains(k));
            Assert.DoesNotContain("六联", topic.Label, StringComparison.Ordinal);
            Assert.DoesNotContain("片区", topic.Label, StringComparison.Ordinal);
        }
        Assert.Contains(topics, t => t.Label.Contains("路灯", StringComparison.Ordinal));
        Assert.Contains(topics, t => t.Label.Contains("篮球", StringComparison.Ordinal));
    }

    [Fact]
    public void Trends_count_topics_by_month_and_community()
    {
        var records = Texts.Select((t, i) => new DatedText(t, new DateOnly(2023, 1 + (i % 2), 5), i < 6 ? "LL" : "SH")).ToList();
        var trends = TopicTrends.Compute(records, new TopicClusterer(TextAnalyzer.Default), 3);
        Assert.Equal(Texts.Length, trends.Sum(t => t.ByMonth.Values.Sum()));
        Assert.Equal(Texts.Length, trends.Sum(t => t.ByCommunity.Values.Sum()));
        Assert.All(trends, t => Assert.All(t.ByMonth.Keys, m => Assert.Matches(@"^2023-0[12]$", m)));
    }

    [Fact]
    public void Empty_and_degenerate_inputs_do_not_crash()
    {
        var clusterer = new TopicClusterer(TextAnalyzer.Default);
        Assert.Empty(clusterer.Cluster([]));
        var topics = clusterer.Cluster(["", "！！", "😀"]);
        Assert.Equal(3, topics.Sum(t => t.Size));
    }
}
