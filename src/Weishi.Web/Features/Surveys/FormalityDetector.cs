namespace Weishi.Web.Features.Surveys;

public sealed record FormalityFlag(string Code, string Message);

/// <summary>
/// 走形式 signals on a project's answers. Each is a reason to look, not proof; thresholds are kept simple and stated
/// in the message so staff can judge.
/// </summary>
public static class FormalityDetector
{
    public const int MinSheets = 10;
    public const int BurstSize = 5;
    public static readonly TimeSpan BurstWindow = TimeSpan.FromMinutes(10);

    public static List<FormalityFlag> Detect(IReadOnlyList<SurveyResponse> responses, int participants, DateTime serviceStartUtc)
    {
        var flags = new List<FormalityFlag>();
        var n = responses.Count;
        if (n >= MinSheets)
        {
            var top = responses.Count(r => r.Overall == 5 && r.MetNeed == 5);
            if (top >= n * 0.95)
                flags.Add(new("top-marks", $"{top}/{n} 份答卷两项评分均为满分，几乎没有差异"));
            var commonest = responses.GroupBy(r => (r.Overall, r.MetNeed, r.WouldJoinAgain, r.KnewBefore, Comment: r.Comment ?? ""))
                .Max(g => g.Count());
            if (commonest >= n * 0.8)
                flags.Add(new("straight-lining", $"{commonest}/{n} 份答卷每一题的答案完全相同（直线作答）"));
        }
        var burst = responses.GroupBy(r => r.ClientKey).Select(g => LargestBurst(g.Select(r => r.SubmittedAtUtc).Order().ToList())).DefaultIfEmpty(0).Max();
        if (burst >= BurstSize)
            flags.Add(new("burst", $"同一网络和设备在 {BurstWindow.TotalMinutes:0} 分钟内提交了 {burst} 份答卷"));
        if (participants > 0 && n > participants)
            flags.Add(new("over-count", $"答卷 {n} 份，多于登记的参与人数 {participants} 人"));
        var early = responses.Count(r => r.SubmittedAtUtc < serviceStartUtc);
        if (early > 0)
            flags.Add(new("before-service", $"{early} 份答卷提交于服务开始之前"));
        return flags;
    }

    private static int LargestBurst(List<DateTime> times)
    {
        var best = 0;
        for (int start = 0, end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] > BurstWindow) start++;
            best = Math.Max(best, end - start + 1);
        }
        return best;
    }
}
