using System.Text;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Deterministic corpus of residents' needs made by combining varied phrase fragments: a place, a
/// situation, a detail and a request, with some resubmissions (near-duplicates) mixed in.
/// </summary>
public static class CorpusBuilder
{
    private static readonly string[] Places =
    [
        "坪山社区", "六联社区", "六和社区", "和平社区", "坑梓街道秀新社区", "金沙社区", "沙田社区", "龙田社区", "南布社区",
        "竹坑社区", "老坑社区", "石井街道田头社区", "田心社区", "马峦街道江岭社区", "沙坣社区", "碧岭社区", "汤坑社区",
        "沙湖社区", "金龟社区", "新和社区", "坪环社区", "我们小区", "我家楼下", "城中村这边", "工业区附近", "学校门口",
    ];

    private static readonly string[] Situations =
    [
        "的路灯坏了好几盏", "的长者饭堂饭菜太咸", "没有给孩子写作业的地方", "垃圾站夏天特别臭", "停车位严重不足",
        "电动车在楼道里充电", "老人不会用智能手机", "篮球场的灯晚上不亮", "排水沟一下雨就堵", "没有儿童游乐设施",
        "独居老人没人照看", "来深建设者下班后没有活动", "卫生服务站周末不开门", "广场舞音响太吵", "公交站没有遮雨棚",
        "绿化带杂草丛生", "消防通道被车堵住", "困难家庭生活没有着落", "四点半课堂名额太少", "蚊子苍蝇特别多",
        "物业乱收物业费", "老板拖欠三个月工资", "没有便民维修点", "人行道的地砖松动", "文化室周末不开放",
        "想学电脑但是没有课程", "残疾人出门不方便", "快递经常丢件", "十字路口没有红绿灯", "老年活动室太小",
    ];

    private static readonly string[] Details =
    [
        "，已经快一个月了", "，晚上出门很不安全", "，老人小孩都受影响", "，大家意见很大", "，反映过好几次了",
        "，周末尤其严重", "", "，住在附近的人都很头疼", "，上班族特别不方便", "，下雨天更麻烦", "，孩子们很失望",
        "，很多外地来的工友也这么说", "，希望领导重视",
    ];

    private static readonly string[] Requests =
    [
        "，希望社区尽快处理。", "，建议纳入民生微实事项目。", "，能不能安排人来看看？", "，请议事会讨论一下。",
        "。", "，希望党群服务中心牵头解决！", "，建议增加一些服务。", "，麻烦尽快回复，谢谢。", "，希望能够改善。",
    ];

    public static List<string> Build(int count, int seed = 42)
    {
        var random = new Random(seed);
        var texts = new List<string>(count);
        var builder = new StringBuilder();
        while (texts.Count < count)
        {
            if (texts.Count > 10 && random.NextDouble() < 0.05)
            {
                texts.Add(Resubmit(texts[random.Next(texts.Count)], random));
                continue;
            }
            builder.Clear()
                .Append(Pick(Places, random)).Append(Pick(Situations, random)).Append(Pick(Details, random));
            if (random.NextDouble() < 0.3) builder.Append('，').Append(Pick(Situations, random).TrimStart('的'));
            builder.Append(Pick(Requests, random));
            texts.Add(builder.ToString());
        }
        return texts;
    }

    /// <summary>At least <paramref name="megabytes"/> MB of UTF-8 text.</summary>
    public static List<string> BuildMegabytes(int megabytes, int seed = 42)
    {
        var texts = new List<string>();
        long bytes = 0;
        var batch = 0;
        while (bytes < megabytes * 1024L * 1024L)
        {
            var more = Build(10_000, seed + batch++);
            texts.AddRange(more);
            bytes += more.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        }
        return texts;
    }

    private static string Resubmit(string text, Random random) => random.Next(3) switch
    {
        0 => text.Replace("，", " ", StringComparison.Ordinal),
        1 => text.TrimEnd('。', '！', '？') + "，谢谢！",
        _ => "再次反映：" + text,
    };

    private static string Pick(string[] items, Random random) => items[random.Next(items.Length)];
}
