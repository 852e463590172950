using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Evaluation;

/// <summary>One indicator with its score: computed for data leaves, entered for the others, summed for groups.</summary>
public sealed record ScoredNode(IndicatorNode Node, decimal? Score, MetricValue? Metric, EvaluationScore? Entry)
{
    public bool Pending => Node.IsLeaf && Score is null;
}

public sealed record ScoreSheet(PerformanceEvaluation Evaluation, IReadOnlyList<ScoredNode> Nodes)
{
    public decimal Total => Scoring.Round(Nodes.Where(n => n.Node.IsLeaf).Sum(n => n.Score ?? 0));
    public string Grade => global::Weishi.Web.Features.Evaluation.Grade.Of(Total);
    public int PendingCount => Nodes.Count(n => n.Pending);
    public IEnumerable<ScoredNode> TopLevel => Nodes.Where(n => n.Node.Level == 1);

}

/// <summary>Loads an evaluation (through the user's query filters), computes its data leaves and adds up the tree.</summary>
public sealed class EvaluationScorer(WeishiDbContext db, MetricCalculator metrics)
{
    public async Task<PerformanceEvaluation?> LoadAsync(int id, CancellationToken ct) =>
        await db.Set<PerformanceEvaluation>().AsNoTracking()
            .Include(e => e.Tree!).ThenInclude(t => t.Nodes)
            .Include(e => e.Scores).ThenInclude(s => s.Evidence)
            .Include(e => e.Recommendations)
            .AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, ct);

    public async Task<ScoreSheet> ScoreAsync(PerformanceEvaluation evaluation, CancellationToken ct)
    {
        var values = await metrics.ComputeAllAsync(evaluation.ToScope(), ct);
        return Score(evaluation, values);
    }

    public static ScoreSheet Score(PerformanceEvaluation evaluation, IReadOnlyDictionary<string, MetricValue> values)
    {
        var nodes = evaluation.Tree!.Nodes.OrderBy(n => n.Position).ToList();
        var entries = evaluation.Scores.ToDictionary(s => s.NodeCode);
        var leafScores = new Dictionary<string, decimal?>();
        var scored = new List<ScoredNode>();
        foreach (var n in nodes)
        {
            var entry = entries.GetValueOrDefault(n.Code);
            MetricValue? metric = null;
            decimal? score = null;
            switch (n.Method)
            {
                case ScoringMethod.Data:
                    metric = n.MetricCode is { } code ? values.GetValueOrDefault(code) : null;
                    score = metric?.Value is null ? 0 : LeafScore(n, metric.Value);
                    break;
                case ScoringMethod.Proportional or ScoringMethod.Banded:
                    score = entry?.Actual is null ? null : LeafScore(n, entry.Actual);
                    break;
                case ScoringMethod.Expert:
                    score = entry?.Score;
                    break;
            }
            leafScores[n.Code] = score;
            scored.Add(new ScoredNode(n, score, metric, entry));
        }
        // Groups: the sum of the leaves below them.
        decimal GroupSum(string code) => nodes.Where(c => c.ParentCode == code)
            .Sum(c => c.IsLeaf ? leafScores[c.Code] ?? 0 : GroupSum(c.Code));
        for (var i = 0; i < scored.Count; i++)
            if (!scored[i].Node.IsLeaf) scored[i] = scored[i] with { Score = Scoring.Round(GroupSum(scored[i].Node.Code)) };
        return new ScoreSheet(evaluation, scored);
    }

    public static decimal LeafScore(IndicatorNode n, decimal? actual)
    {
        var banded = n.Method == ScoringMethod.Banded || (n.Method == ScoringMethod.Data && n.DataBanded);
        return banded
            ? Scoring.Banded(actual, Scoring.ParseBands(n.Bands).Bands, n.Weight)
            : Scoring.Proportional(actual, n.Target ?? 1, n.Weight);
    }
}
