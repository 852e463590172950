namespace Weishi.TextMining.Pipeline;

public sealed record MiningOptions
{
    public int KeywordsPerText { get; init; } = 3;

    /// <summary>Number of topics; null picks <see cref="Clustering.TopicClusterer.SuggestTopicCount"/>.</summary>
    public int? TopicCount { get; init; }

    public double DuplicateThreshold { get; init; } = Dedup.DuplicateDetector.DefaultThreshold;

    /// <summary>Reports progress from 0 to 1 (per stage), e.g. for a job's progress bar.</summary>
    public IProgress<double>? Progress { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>The paraphrase stage's pair model, e.g. one retrained on staff decisions; null: the shipped one.</summary>
    public Dedup.PairModel? PairModel { get; init; }
}
