namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>Median and quartiles by linear interpolation (the spreadsheet QUARTILE.INC rule).</summary>
public sealed record Quartiles(decimal Q1, decimal Median, decimal Q3, int Count)
{
    public decimal Iqr => Q3 - Q1;

    public static Quartiles? Of(IEnumerable<decimal> values)
    {
        var v = values.OrderBy(x => x).ToArray();
        if (v.Length == 0) return null;
        return new Quartiles(At(v, 0.25m), At(v, 0.5m), At(v, 0.75m), v.Length);
    }

    private static decimal At(decimal[] sorted, decimal p)
    {
        var pos = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }
}

/// <summary>
/// The outlier rule. Expensive: above Q3 + 1.5 × IQR, or more than 50% above the median (a reason is needed to approve).
/// Cheap: below Q1 − 1.5 × IQR, a warning of possible under-delivery (fewer or thinner services than planned).
/// </summary>
public static class OutlierRule
{
    public const string HighFence = "高于上四分位数 1.5 倍四分位距";
    public const string HighMedian = "比中位数高出 50% 以上";
    public const string LowFence = "低于下四分位数 1.5 倍四分位距，可能服务缩水或未足额交付";

    public static CostFlag? Check(decimal unitFen, decimal medianFen, decimal q1, decimal q3)
    {
        var iqr = q3 - q1;
        if (iqr > 0 && unitFen > q3 + 1.5m * iqr) return new CostFlag(HighFence, High: true);
        if (medianFen > 0 && unitFen > medianFen * 1.5m) return new CostFlag(HighMedian, High: true);
        if (iqr > 0 && unitFen < q1 - 1.5m * iqr) return new CostFlag(LowFence, High: false);
        return null;
    }

    /// <summary>The reason of an expensive flag only (the one that needs a reviewer's reason).</summary>
    public static string? Reason(decimal unitFen, decimal medianFen, decimal q1, decimal q3) =>
        Check(unitFen, medianFen, q1, q3) is { High: true } f ? f.Reason : null;
}

/// <summary>An outlier flag: expensive (<see cref="High"/>) or cheap.</summary>
public sealed record CostFlag(string Reason, bool High);
