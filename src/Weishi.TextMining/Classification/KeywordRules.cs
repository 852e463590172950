namespace Weishi.TextMining.Classification;

/// <summary>Keyword rules used when the model is unsure: the category whose cue words occur most.</summary>
internal static class KeywordRules
{
    private static readonly (string Category, string[] Cues)[] Rules =
    [
        (Categories.OutOfScope, ["物业费", "物业公司", "拖欠工资", "欠薪", "讨薪", "工钱", "劳动仲裁", "社保", "公积金", "户口", "落户", "违建", "违章搭建", "城管", "执法", "投诉", "房东", "押金", "开发商", "房产证", "业委会", "怎么申请", "政策"]),
        (Categories.Elderly, ["老人", "长者", "老年", "阿婆", "阿公", "养老", "敬老", "重阳"]),
        (Categories.Children, ["孩子", "儿童", "小孩", "小朋友", "娃", "四点半", "托管", "亲子", "滑梯", "秋千"]),
        (Categories.Assistance, ["困难", "低保", "残疾", "救助", "帮扶", "特困", "孤寡", "贫"]),
        (Categories.Culture, ["广场舞", "文艺", "演出", "比赛", "合唱", "书法", "节日", "中秋", "端午", "春节", "球场", "运动会"]),
        (Categories.Education, ["讲座", "课程", "培训班", "学习", "课堂", "知识"]),
        (Categories.Environment, ["垃圾", "臭", "绿化", "蚊", "老鼠", "污水", "河道", "卫生", "清理"]),
        (Categories.Safety, ["路灯", "监控", "消防", "安全", "隐患", "危险", "诈骗", "小偷", "防盗", "减速带"]),
        (Categories.Health, ["义诊", "体检", "医生", "卫生站", "血压", "健康", "心理", "康复", "急救"]),
        (Categories.Convenience, ["充电桩", "停车", "公交", "快递", "便民", "座椅", "维修", "道路", "菜市场", "公厕"]),
        (Categories.Migrant, ["来深建设者", "外来务工", "务工人员", "打工", "工友", "新市民", "外地人", "租房", "骑手", "快递员"]),
    ];

    public static string? Match(string text)
    {
        string? best = null;
        var bestHits = 0;
        foreach (var (category, cues) in Rules)
        {
            var hits = cues.Count(cue => text.Contains(cue, StringComparison.Ordinal));
            if (hits > bestHits) (best, bestHits) = (category, hits);
        }
        return best;
    }
}
