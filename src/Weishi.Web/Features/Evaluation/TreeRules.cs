namespace Weishi.Web.Features.Evaluation;

/// <summary>Checks a tree before it is saved: codes, levels, scoring rules, and that weights add up at every level.</summary>
public static class TreeRules
{
    public const decimal Total = 100m;

    public static List<string> Validate(IReadOnlyList<IndicatorNode> nodes)
    {
        var errors = new List<string>();
        if (nodes.Count == 0) return ["指标体系不能为空"];
        var byCode = new Dictionary<string, IndicatorNode>();
        foreach (var n in nodes)
        {
            if (string.IsNullOrWhiteSpace(n.Code)) { errors.Add("每个指标都须有编号"); continue; }
            if (!byCode.TryAdd(n.Code, n)) errors.Add($"指标编号 {n.Code} 重复");
            if (string.IsNullOrWhiteSpace(n.Name)) errors.Add($"指标 {n.Code} 缺少名称");
            if (n.Weight <= 0) errors.Add($"指标 {n.Code} 的权重须大于 0");
        }
        if (errors.Count > 0) return errors;

        foreach (var n in nodes)
        {
            n.Level = LevelOf(n, byCode, errors);
            if (n.Level > 3) errors.Add($"指标 {n.Code} 超过三级");
        }
        var children = nodes.Where(n => n.ParentCode is not null).ToLookup(n => n.ParentCode!);
        foreach (var n in nodes)
        {
            var kids = children[n.Code].ToList();
            if (kids.Count > 0)
            {
                if (n.Method != ScoringMethod.Group) errors.Add($"指标 {n.Code}（{n.Name}）有下级指标，不能再设计分方法");
                var sum = kids.Sum(k => k.Weight);
                if (sum != n.Weight)
                    errors.Add($"“{n.Name}”（{n.Code}）的下级指标权重合计 {sum:0.##} 分，应等于 {n.Weight:0.##} 分");
            }
            else
            {
                if (n.Method == ScoringMethod.Group) errors.Add($"末级指标 {n.Code}（{n.Name}）须选择计分方法");
                else errors.AddRange(LeafErrors(n));
            }
        }
        var top = nodes.Where(n => n.ParentCode is null).ToList();
        var topSum = top.Sum(n => n.Weight);
        if (topSum != Total) errors.Add($"一级指标权重合计 {topSum:0.##} 分，应等于 {Total:0} 分");
        return errors;
    }

    private static int LevelOf(IndicatorNode n, Dictionary<string, IndicatorNode> byCode, List<string> errors)
    {
        var level = 1;
        var current = n;
        while (current.ParentCode is { } parent)
        {
            if (!byCode.TryGetValue(parent, out var p)) { errors.Add($"指标 {n.Code} 的上级 {parent} 不存在"); return level; }
            if (++level > 4) { errors.Add($"指标 {n.Code} 的上下级关系成环或超过三级"); return level; }
            current = p;
        }
        return level;
    }

    private static IEnumerable<string> LeafErrors(IndicatorNode n)
    {
        var label = $"指标 {n.Code}（{n.Name}）";
        var banded = n.Method == ScoringMethod.Banded || (n.Method == ScoringMethod.Data && n.DataBanded);
        var proportional = n.Method == ScoringMethod.Proportional || (n.Method == ScoringMethod.Data && !n.DataBanded);
        if (n.Method == ScoringMethod.Data && DataMetrics.Find(n.MetricCode) is null)
            yield return $"{label}须选择数据指标";
        if (proportional && (n.Target is null || n.Target <= 0))
            yield return $"{label}须填写大于 0 的目标值";
        if (banded && Scoring.ParseBands(n.Bands).Error is { } error)
            yield return $"{label}：{error}";
    }
}
