using System.Globalization;

namespace Weishi.Web.Features.Surveys;

/// <summary>One scored question's results: distribution 1–5, mean and the share of dissatisfied answers (1–2), null without answers.</summary>
public sealed record ItemStat(int QuestionId, string Text, bool IsCore, int Count, int[] Distribution, double? Mean, double? Dissatisfied)
{
    public static ItemStat Of(int questionId, string text, bool isCore, IEnumerable<int> scores)
    {
        var distribution = new int[5];
        var n = 0;
        var sum = 0;
        foreach (var s in scores) { distribution[s - 1]++; n++; sum += s; }
        return n == 0 ? new(questionId, text, isCore, 0, distribution, null, null)
            : new(questionId, text, isCore, n, distribution, (double)sum / n, (distribution[0] + distribution[1]) / (double)n);
    }
}

/// <summary>The district's rules applied to one survey: minimum sample and the rectification thresholds.</summary>
public static class SurveyRules
{
    /// <summary>The share of the beneficiaries, at least the floor, never more than there are beneficiaries.</summary>
    public static int MinimumSample(int beneficiaries, SurveySetting s)
    {
        if (beneficiaries <= 0) return s.SampleFloor;
        var share = (int)Math.Ceiling(beneficiaries * s.SampleSharePercent / 100.0);
        return Math.Min(beneficiaries, Math.Max(s.SampleFloor, share));
    }

    /// <summary>The scored items of a project: overall and met need (core), then its targeted questions.</summary>
    public static List<ItemStat> Items(IReadOnlyList<SurveyResponse> responses, IReadOnlyList<(int Id, string Text)> targeted)
    {
        var items = new List<ItemStat>
        {
            ItemStat.Of(1, CoreQuestions.Seed[0].Text, true, responses.Select(r => r.Overall)),
            ItemStat.Of(2, CoreQuestions.Seed[1].Text, true, responses.Select(r => r.MetNeed)),
        };
        foreach (var (id, text) in targeted)
            items.Add(ItemStat.Of(id, text, false, responses.SelectMany(r => r.Items).Where(a => a.QuestionId == id).Select(a => a.Score)));
        return items;
    }

    /// <summary>The items below the thresholds, described for the rectification; empty when the survey is fine.</summary>
    public static List<string> LowItems(IReadOnlyList<ItemStat> items, SurveySetting s)
    {
        var low = new List<string>();
        foreach (var item in items)
        {
            if (item is not { Mean: { } mean, Dissatisfied: { } dissatisfied }) continue;
            var threshold = (item.QuestionId == 1 ? s.OverallBelowTenths : s.ItemBelowTenths) / 10.0;
            var reasons = new List<string>();
            if (mean < threshold) reasons.Add($"均值 {mean.ToString("0.00", CultureInfo.InvariantCulture)}（低于 {threshold.ToString("0.0", CultureInfo.InvariantCulture)}）");
            if ((item.Distribution[0] + item.Distribution[1]) * 100 > s.DissatisfiedAbovePercent * item.Count) reasons.Add($"不满意 {(dissatisfied * 100).ToString("0", CultureInfo.InvariantCulture)}%（超过 {s.DissatisfiedAbovePercent}%）");
            if (reasons.Count > 0) low.Add($"{item.Text}：{string.Join("，", reasons)}");
        }
        return low;
    }
}
