namespace Weishi.TextMining.Text;

/// <summary>jieba's stop-word list plus words every resident's need contains and so says nothing.</summary>
internal static class StopWords
{
    private static readonly string[] DomainWords =
    [
        "希望", "建议", "能不能", "能否", "可以", "一个", "一些", "一下", "我们", "你们", "他们", "社区", "居民",
        "问题", "现在", "没有", "非常", "这个", "那个", "什么", "怎么", "请问", "还是", "已经", "时候", "大家",
        "需要", "要求", "帮忙", "麻烦", "谢谢", "不能", "不会", "这样", "那里", "这里", "还有", "就是", "根本",
        "到底", "有没有", "是不是", "经常", "特别", "比较", "今年", "每天", "很多", "好多", "多久", "多少",
        // Request boilerplate that ends many submissions and would otherwise label topics.
        "尽快", "处理", "解决", "安排", "看看", "人来", "讨论", "讨论一下", "牵头", "回复", "改善", "反映",
        "反映过", "意见", "重视", "领导", "好几次", "一直", "再次", "能够", "一点",
    ];

    public static HashSet<string> Load()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in EmbeddedResources.ReadLines("stopwords.txt"))
        {
            var word = line.Trim().TrimStart('\uFEFF');
            if (word.Length > 0) set.Add(word);
        }
        set.UnionWith(DomainWords);
        return set;
    }
}
