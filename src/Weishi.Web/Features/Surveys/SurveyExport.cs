using System.Globalization;
using MiniExcelLibs;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Surveys;

/// <summary>Survey results as Excel workbooks (MiniExcel, one sheet per table), like the statistics export.</summary>
public static class SurveyExport
{
    public static async Task<MemoryStream> ProjectAsync(string projectName, SurveyReport report, IReadOnlyList<CommentTopic> topics, CancellationToken ct)
    {
        var s = report.Stats;
        var sheets = new Dictionary<string, object>
        {
            ["汇总"] = new List<Dictionary<string, object>>
            {
                Row(("项目", projectName), ("有效答卷", s.Count), ("受益人数", report.Beneficiaries), ("最低样本", report.MinimumSample),
                    ("回收率", Share(report.ResponseRate)), ("总体满意度均值", Score(s.Mean)),
                    ("95%置信下限", Score(s.CiLow)), ("95%置信上限", Score(s.CiHigh)),
                    ("愿意再次参加", Share(s.WouldJoinAgain)), ("知晓率", Share(s.Awareness)),
                    ("走形式提示", string.Join("；", report.Flags.Select(f => f.Message)))),
            },
            ["各题分布"] = report.Items.Select(i => Row(("题目", i.Text), ("类型", i.IsCore ? "核心题" : "针对性题目"), ("答卷", i.Count),
                ("均值", Score(i.Mean)), ("不满意比例", Share(i.Dissatisfied)),
                ("5分", i.Distribution[4]), ("4分", i.Distribution[3]), ("3分", i.Distribution[2]), ("2分", i.Distribution[1]), ("1分", i.Distribution[0]))).ToList(),
            ["意见建议"] = topics.SelectMany(t => t.Comments.Select(c => Row(("主题", t.Label), ("意见建议", c)))).DefaultIfEmpty(Row(("主题", ""), ("意见建议", ""))).ToList(),
        };
        return await SaveAsync(sheets, ct);
    }

    public static async Task<MemoryStream> GroupsAsync(string dimension, IEnumerable<SurveyGroup> groups, CancellationToken ct) =>
        await SaveAsync(new Dictionary<string, object>
        {
            ["按" + dimension] = groups.Select(g => Row((dimension, g.Label), ("项目数", g.Projects), ("答卷", g.Answers),
                ("总体满意度均值", Score(g.Mean)), ("不满意比例", Share(g.Dissatisfied)), ("知晓率", Share(g.Awareness)),
                ("走形式项目", g.FlaggedProjects), ("整改", g.Rectifications),
                ("5分", g.Distribution[4]), ("4分", g.Distribution[3]), ("3分", g.Distribution[2]), ("2分", g.Distribution[1]), ("1分", g.Distribution[0]))).ToList(),
        }, ct);

    /// <summary>Columns holding a share, written as numbers and shown as percentages like the pages.</summary>
    private static readonly string[] Ratios = ["回收率", "愿意再次参加", "知晓率", "不满意比例"];

    /// <summary>
    /// A share as the page shows it (28.6% → 0.286): rounded once, by the page's own formatting, so that Excel's
    /// percentage format cannot round an already rounded 0.2865 up to 28.7%. Without answers the text 暂无答卷, as on
    /// the page: a 0 would be taken in by Excel's sums and averages, a text is not.
    /// </summary>
    private static object Share(double? ratio) => ratio is { } r
        ? decimal.Parse(Display.Percent(r).TrimEnd('%'), CultureInfo.InvariantCulture) / 100
        : SurveyFigures.NoAnswers;

    /// <summary>A mean as the page shows it (two decimals, the page's rounding rather than Math.Round's to even), or 暂无答卷.</summary>
    private static object Score(double? mean) => mean is { } m
        ? decimal.Parse(m.ToString("0.00", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : SurveyFigures.NoAnswers;

    private static Dictionary<string, object> Row(params (string Key, object Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value);

    private static async Task<MemoryStream> SaveAsync(Dictionary<string, object> sheets, CancellationToken ct)
    {
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, configuration: ExcelFile.Formats(percent: Ratios), cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }
}
