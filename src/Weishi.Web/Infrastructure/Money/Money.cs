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

    public static decimal WanValue(long fen) => Math.Round(fen / 1_000_000m, 2);

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
