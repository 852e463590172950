namespace Weishi.Web.Features.Surveys;

/// <summary>
/// Overall satisfaction of one project: distribution 1–5, mean with a normal-approximation 95% interval. Without answers
/// every average is null — there is nothing to average, and a 0 would read as the worst score and pull other averages down.
/// </summary>
public sealed record SurveyStatistics(int Count, int[] Distribution, double? Mean, double? CiLow, double? CiHigh,
    double? MetNeedMean, double? Dissatisfied, double? WouldJoinAgain, double? Awareness)
{
    public static SurveyStatistics Of(IReadOnlyList<SurveyResponse> responses)
    {
        var n = responses.Count;
        var distribution = new int[5];
        foreach (var r in responses) distribution[r.Overall - 1]++;
        if (n == 0) return new(0, distribution, null, null, null, null, null, null, null);
        var mean = responses.Average(r => (double)r.Overall);
        var sd = n > 1 ? Math.Sqrt(responses.Sum(r => Math.Pow(r.Overall - mean, 2)) / (n - 1)) : 0;
        var half = 1.96 * sd / Math.Sqrt(n);
        return new(n, distribution, mean, Math.Max(1, mean - half), Math.Min(5, mean + half),
            responses.Average(r => (double)r.MetNeed),
            responses.Count(r => r.Overall <= 2) / (double)n,
            responses.Count(r => r.WouldJoinAgain) / (double)n,
            responses.Count(r => r.KnewBefore) / (double)n);
    }
}
