namespace Weishi.Web.Infrastructure.Web;

/// <summary>The district's time zone (Asia/Shanghai) and today's date there: the bound for dates users enter, the day a daily job runs for.</summary>
public static class ChinaDate
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);
}
