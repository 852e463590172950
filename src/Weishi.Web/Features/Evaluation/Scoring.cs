using System.Globalization;

namespace Weishi.Web.Features.Evaluation;

/// <summary>One band of a banded rule: when the value is at or above (or at or below) the bound, the leaf gets this share.</summary>
public sealed record Band(bool AtLeast, decimal Bound, decimal Share);

/// <summary>The scoring rules as pure functions (财预〔2020〕10号). Scores are rounded to two decimals.</summary>
public static class Scoring
{
    /// <summary>actual ÷ target × weight, capped at the weight; 0 when there is no actual value or the target is not positive.</summary>
    public static decimal Proportional(decimal? actual, decimal target, decimal weight)
    {
        if (actual is not { } a || target <= 0 || a <= 0) return 0;
        return Round(Math.Min(a / target, 1m) * weight);
    }

    /// <summary>The first band the value meets gives its share of the weight; none met gives 0.</summary>
    public static decimal Banded(decimal? actual, IReadOnlyList<Band> bands, decimal weight)
    {
        if (actual is not { } a) return 0;
        foreach (var band in bands)
            if (band.AtLeast ? a >= band.Bound : a <= band.Bound) return Round(band.Share * weight);
        return 0;
    }

    /// <summary>An expert's score must lie within 0 and the weight.</summary>
    public static string? ExpertRefusal(decimal? score, decimal weight, string? reason)
    {
        if (score is null) return "请填写得分";
        if (score < 0 || score > weight) return $"得分须在 0 到 {weight:0.##} 分之间";
        if (decimal.Round(score.Value, 2) != score.Value) return "得分最多保留两位小数";
        if (string.IsNullOrWhiteSpace(reason)) return "请填写评分理由";
        return null;
    }

    public static decimal Round(decimal v) => Math.Round(v, 2, MidpointRounding.AwayFromZero);

    /// <summary>A score as a figure among others: always two decimals (85.00 beside 85.35), "—" when there is none.</summary>
    public static string Show(decimal? score) => score is { } s ? Round(s).ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// Reads bands written as "≥0.95:1；≥0.9:0.8；≤0.3:1" (also &gt;= / &lt;= and ASCII separators). Returns the error
    /// in Chinese when the text is not understood.
    /// </summary>
    public static (IReadOnlyList<Band> Bands, string? Error) ParseBands(string? text)
    {
        var bands = new List<Band>();
        if (string.IsNullOrWhiteSpace(text)) return (bands, "请填写区间，例如 ≥0.95:1；≥0.9:0.8");
        foreach (var raw in text.Split([';', '；', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var part = raw.Replace('：', ':').Replace(">=", "≥").Replace("<=", "≤");
            bool atLeast;
            if (part.StartsWith('≥')) atLeast = true;
            else if (part.StartsWith('≤')) atLeast = false;
            else return (bands, $"区间“{raw}”须以 ≥ 或 ≤ 开头");
            var pieces = part[1..].Split(':');
            if (pieces.Length != 2
                || !decimal.TryParse(pieces[0].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var bound)
                || !decimal.TryParse(pieces[1].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var share))
                return (bands, $"区间“{raw}”应写成 ≥界值:得分比例");
            if (share is < 0 or > 1) return (bands, $"区间“{raw}”的得分比例须在 0 到 1 之间");
            bands.Add(new Band(atLeast, bound, share));
        }
        return (bands, bands.Count == 0 ? "请填写区间" : null);
    }

    public static string Describe(IReadOnlyList<Band> bands) =>
        string.Join("；", bands.Select(b => $"{(b.AtLeast ? "≥" : "≤")}{b.Bound.ToString("0.###", CultureInfo.InvariantCulture)} 得 {(b.Share * 100):0.#}%")) + "；其余得 0";
}

/// <summary>评价等级 by total score: 优 ≥ 90, 良 80–90, 中 60–80, 差 &lt; 60.</summary>
public static class Grade
{
    public static string Of(decimal total) => total switch
    {
        >= 90 => "优",
        >= 80 => "良",
        >= 60 => "中",
        _ => "差",
    };
}
