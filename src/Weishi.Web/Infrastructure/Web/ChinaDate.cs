namespace Weishi.Web.Infrastructure.Web;

/// <summary>The district's time zone (Asia/Shanghai) and today's date there: the bound for dates users enter, the day a daily job runs for, the year pages default to.</summary>
public static class ChinaDate
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>The date in China at a stored (UTC) time: 2026-03-01 20:00 UTC is 2026-03-02.</summary>
    public static DateOnly Of(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The UTC time at which a day begins in China: the lower bound for stored times of that day.</summary>
    public static DateTime StartUtc(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
