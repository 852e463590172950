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

/// <summary>The outlier rule: above Q3 + 1.5 × IQR, or more than 50% above the median.</summary>
public static class OutlierRule
{
    public static string? Reason(decimal unitFen, decimal medianFen, decimal q1, decimal q3)
    {
        var fence = q3 + 1.5m * (q3 - q1);
        if (unitFen > fence && q3 > q1) return "高于上四分位数 1.5 倍四分位距";
        if (medianFen > 0 && unitFen > medianFen * 1.5m) return "比中位数高出 50% 以上";
        return null;
    }
}
