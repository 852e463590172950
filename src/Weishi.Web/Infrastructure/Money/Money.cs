using System.Globalization;

namespace Weishi.Web.Infrastructure.Money;

/// <summary>Money is kept in 分 (fen) as <see cref="long"/>; shown in 元 or 万元 with two decimals.</summary>
public static class Money
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    public static string Yuan(long fen) => (fen / 100m).ToString("N2", Zh);

    /// <summary>A computed amount in 分 that need not be whole (a median, a unit cost), shown like <see cref="Yuan(long)"/>.</summary>
    public static string Yuan(decimal fen) => (fen / 100m).ToString("N2", Zh);

    public static string Wan(long fen) => (fen / 1_000_000m).ToString("N2", Zh);

    /// <summary>
    /// 万元 as a number for files and charts, rounded half away from zero like <see cref="Wan"/>'s text (decimal
    /// formatting), so that an export never says 12.34 where the page says 12.35.
    /// </summary>
    public static decimal WanValue(long fen) => Math.Round(fen / 1_000_000m, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Whether parts shown each rounded to 0.01 万元 add up to something other than their total shown the same way
    /// (4684.17 against 4684.16): a table showing both then needs a note.
    /// </summary>
    public static bool WanPartsMissTotal(IEnumerable<long> partsFen)
    {
        var parts = partsFen.ToList();
        return parts.Sum(WanValue) != WanValue(parts.Sum());
    }

    /// <summary>The note under a table whose rounded parts do not add up to its total.</summary>
    public const string WanRoundingNote = "注：各项金额分别四舍五入保留两位小数（万元），合计按未取整的金额计算，与各项之和可能相差 0.01 万元。";

    /// <summary>Parses an amount in 元 such as "1,234.5"; null with a Chinese reason when it is not one.</summary>
    public static (long? Fen, string? Error) ParseYuan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "请填写金额");
        if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan))
            return (null, "金额格式不正确，请填写数字，例如 1234.50");
        if (yuan < 0) return (null, "金额不能为负数");
        if (decimal.Round(yuan, 2) != yuan) return (null, "金额最多保留两位小数");
        if (yuan > 10_000_000_000m) return (null, "金额过大，请核对");
        return ((long)(yuan * 100), null);
    }
}
