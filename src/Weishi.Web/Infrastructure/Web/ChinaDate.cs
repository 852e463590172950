namespace Weishi.Web.Infrastructure.Web;

/// <summary>Today's date in the district (Asia/Shanghai), the bound for dates users enter.</summary>
public static class ChinaDate
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), China).DateTime);
}
