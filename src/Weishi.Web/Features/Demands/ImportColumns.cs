namespace Weishi.Web.Features.Demands;

/// <summary>
/// The documented column mapping of hotline (民生诉求系统) exports and the paper-questionnaire template. Headers are
/// matched after trimming; each field accepts the names the systems in use print.
/// </summary>
public static class ImportColumns
{
    public const string CaseNumber = "案件编号";
    public const string Time = "诉求时间";
    public const string Text = "诉求内容";
    public const string Location = "地点";
    public const string Community = "社区";
    public const string Category = "类别";
    public const string AgeBand = "年龄段";
    public const string ResidentType = "居民类型";

    public static readonly (string Field, string[] Aliases, string Meaning)[] All =
    [
        (CaseNumber, ["案件编号", "工单编号", "诉求编号", "case_number", "caseNumber"], "民生诉求系统的案件编号；民生诉求导入时必填，全系统唯一，重复导入时跳过"),
        (Time, ["诉求时间", "受理时间", "提交时间", "时间", "time"], $"必填；如 2024-03-05 14:30 或 2024/3/5（北京时间），不早于 {Infrastructure.Web.Display.Date(DemandRules.EarliestCollectedOn)}，不晚于今天"),
        (Text, ["诉求内容", "需求内容", "内容", "text"], $"必填；{DemandRules.MinTextLength}–{DemandRules.MaxTextLength} 字"),
        (Location, ["地点", "地址", "诉求地址", "位置", "location"], "选填；未填社区时按地址中的社区名判断所属社区"),
        (Community, ["社区", "所属社区", "community"], "选填；社区名称、简称或区划代码"),
        (Category, ["类别", "分类", "诉求类别", "category"], "选填"),
        (AgeBand, ["年龄段", "ageBand"], "选填（问卷）：18 岁以下 / 18–35 岁 / 36–59 岁 / 60 岁及以上"),
        (ResidentType, ["居民类型", "residentType"], "选填（问卷）：户籍居民 / 常住居民 / 来深建设者"),
    ];

    /// <summary>The field a header names, or null for columns we ignore.</summary>
    public static string? FieldOf(string header)
    {
        var h = header.Trim().TrimStart('\uFEFF');
        foreach (var (field, aliases, _) in All)
            if (aliases.Any(a => string.Equals(a, h, StringComparison.OrdinalIgnoreCase))) return field;
        return null;
    }
}

/// <summary>One data row, its cells keyed by field; RowNumber counts lines as a spreadsheet shows them (header = 1).</summary>
public sealed record ImportRow(int RowNumber, IReadOnlyDictionary<string, string?> Cells)
{
    public string? this[string field] => Cells.TryGetValue(field, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
}

public sealed record ImportError(int Row, string Column, string Problem);
