using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Web;
using Xunit;

namespace Weishi.Tests.Surveys;

/// <summary>The dates a closed survey names are days in China, not UTC dates.</summary>
public class SurveyWindowTests
{
    [Fact]
    public void A_survey_closing_in_the_evening_UTC_closes_on_the_next_day_in_China()
    {
        var closesAtUtc = new DateTime(2026, 3, 1, 20, 0, 0, DateTimeKind.Utc);
        var acceptedAtUtc = closesAtUtc - SurveyWindow.AfterDelivery;   // 2026-01-30 20:00 UTC, 01-31 in China

        Assert.Equal(new DateOnly(2026, 3, 2), SurveyWindow.ClosesOn(acceptedAtUtc));
        var reason = SurveyWindow.ClosedReason(ProjectStatus.Accepted, acceptedAtUtc, new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc))!;
        Assert.Contains("本项目已于 2026-01-31 验收", reason);
        Assert.Contains("问卷已于 30 天后截止（2026-03-02）", reason);
        Assert.DoesNotContain("2026-03-01", reason);
        Assert.DoesNotContain("2026-01-30", reason);
    }

    [Fact]
    public void China_dates_of_stored_times_and_the_start_of_a_China_day()
    {
        Assert.Equal(new DateOnly(2026, 3, 2), ChinaDate.Of(new DateTime(2026, 3, 1, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 3, 1), ChinaDate.Of(new DateTime(2026, 3, 1, 15, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc), ChinaDate.StartUtc(new DateOnly(2026, 1, 1)));
    }
}
