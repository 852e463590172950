namespace Weishi.Web.Infrastructure.Web;

/// <summary>How times and ratios are shown: Asia/Shanghai, Chinese formats.</summary>
public static class Display
{
    public static string Time(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaDate.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A ratio as a percentage with one decimal and no space: 0.25 → "25.0%" (not .NET's "P" format, which writes "25.0 %").</summary>
    public static string Percent(decimal ratio) => (ratio * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";

    public static string Percent(double ratio) => (ratio * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
