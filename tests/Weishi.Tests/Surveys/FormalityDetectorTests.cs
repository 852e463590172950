using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>Each 走形式 signal on a crafted example, and silence on a healthy set of answers.</summary>
public class FormalityDetectorTests
{
    private static readonly DateTime Start = new(2023, 3, 1, 1, 0, 0, DateTimeKind.Utc);

    private static SurveyResponse Sheet(int overall, int metNeed, DateTime at, string client, bool again = true, bool knew = false) =>
        new() { Overall = overall, MetNeed = metNeed, WouldJoinAgain = again, KnewBefore = knew, SubmittedAtUtc = at, ClientKey = client };

    /// <summary>30 varied answers from 30 devices over several days after the service began.</summary>
    private static List<SurveyResponse> Healthy() =>
        Enumerable.Range(0, 30).Select(i => Sheet(new[] { 5, 4, 4, 3, 5, 2, 4, 5, 3, 4 }[i % 10], new[] { 4, 5, 3, 4, 4, 2, 5, 4, 3, 5 }[i % 7],
            Start.AddDays(1).AddHours(i * 3), $"dev{i}", again: i % 4 != 0, knew: i % 3 == 0)).ToList();

    private static IEnumerable<string> Codes(List<SurveyResponse> sheets, int participants = 40) =>
        FormalityDetector.Detect(sheets, participants, Start).Select(f => f.Code);

    [Fact]
    public void A_healthy_survey_raises_no_flag() => Assert.Empty(Codes(Healthy()));

    [Fact]
    public void Near_all_top_marks_are_flagged()
    {
        var sheets = Healthy().Select((s, i) => Sheet(5, 5, s.SubmittedAtUtc, s.ClientKey, again: i % 2 == 0, knew: i % 3 == 0)).ToList();
        Assert.Contains("top-marks", Codes(sheets));
        Assert.DoesNotContain("straight-lining", Codes(sheets));
    }

    [Fact]
    public void Identical_sheets_are_flagged_as_straight_lining()
    {
        var sheets = Healthy().Select(s => Sheet(4, 4, s.SubmittedAtUtc, s.ClientKey)).ToList();
        Assert.Equal(["straight-lining"], Codes(sheets));
    }

    [Fact]
    public void Many_sheets_within_minutes_from_one_device_are_flagged()
    {
        var sheets = Healthy();
        for (var i = 0; i < 5; i++) sheets[i] = Sheet(sheets[i].Overall, sheets[i].MetNeed, Start.AddDays(2).AddMinutes(i * 2), "same-phone");
        Assert.Equal(["burst"], Codes(sheets));
        // The same five sheets spread over an afternoon are not a burst.
        for (var i = 0; i < 5; i++) sheets[i].SubmittedAtUtc = Start.AddDays(2).AddMinutes(i * 30);
        Assert.Empty(Codes(sheets));
    }

    [Fact]
    public void More_sheets_than_participants_are_flagged() => Assert.Equal(["over-count"], Codes(Healthy(), participants: 25));

    [Fact]
    public void Sheets_before_the_service_began_are_flagged()
    {
        var sheets = Healthy();
        sheets[3].SubmittedAtUtc = Start.AddHours(-5);
        Assert.Equal(["before-service"], Codes(sheets));
    }

    [Fact]
    public void Statistics_give_mean_interval_distribution_and_dissatisfaction()
    {
        var stats = SurveyStatistics.Of([Sheet(5, 5, Start, "a"), Sheet(4, 4, Start, "b"), Sheet(1, 2, Start, "c"), Sheet(2, 3, Start, "d")]);
        Assert.Equal(3.0, stats.Mean!.Value, 3);
        Assert.Equal([1, 1, 0, 1, 1], stats.Distribution);
        Assert.Equal(0.5, stats.Dissatisfied!.Value, 3);
        // sd = sqrt(10/3); half width = 1.96 * sd / 2
        Assert.Equal(3.0 - 1.96 * Math.Sqrt(10.0 / 3) / 2, stats.CiLow!.Value, 3);
        Assert.True(stats.CiHigh > stats.Mean);
    }

    [Fact]
    public void Statistics_of_no_answers_have_no_averages_rather_than_zeros()
    {
        var stats = SurveyStatistics.Of([]);
        Assert.Equal(0, stats.Count);
        Assert.Equal([0, 0, 0, 0, 0], stats.Distribution);
        Assert.All(new[] { stats.Mean, stats.CiLow, stats.CiHigh, stats.MetNeedMean, stats.Dissatisfied, stats.WouldJoinAgain, stats.Awareness }, Assert.Null);
        var item = ItemStat.Of(7, "活动安排是否合理", false, []);
        Assert.Null(item.Mean);
        Assert.Null(item.Dissatisfied);
    }
}
