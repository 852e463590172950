using Weishi.TextMining.Dedup;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>
/// Loads the text-mining segmenter's dictionary in the background at start-up (about 2 s), so the first cost
/// comparison after a restart is not the one that pays for it. Start-up does not wait for it.
/// </summary>
public sealed class SegmenterWarmup(ILogger<SegmenterWarmup> log) : BackgroundService
{
    /// <summary>True once the dictionary is loaded; <see cref="BackgroundService.ExecuteTask"/> ends either way (when
    /// loading fails the first comparison loads it).</summary>
    public bool Warmed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Task.Run: ExecuteAsync runs on the start-up path until its first await.
            await Task.Run(Warm, stoppingToken);
            Warmed = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Segmenter warm-up failed; the first cost comparison will load the dictionary");
        }
    }

    /// <summary>One similarity computation: builds the default analyser and its dictionary.</summary>
    public static double Warm() => TextSimilarity.Cosine("长者智能手机培训班", "社区长者手机课堂");
}
