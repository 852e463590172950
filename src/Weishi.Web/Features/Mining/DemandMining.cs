using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Clustering;
using Weishi.TextMining.Pipeline;
using Weishi.TextMining.Text;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// Mines the needs of a region (and the regions below it) submitted in a period and stores a <see cref="MiningRun"/>
/// with its topics and items: what the background job does, and what the demo seeds.
/// </summary>
public static class DemandMining
{
    /// <param name="JobId">The job that asked for it; null for the demo's runs.</param>
    public sealed record Request(int RegionId, DateOnly From, DateOnly To, string CreatedByName, int? JobId = null);

    public sealed record Outcome(MiningRun Run, int Topics, int DuplicateGroups);

    public static async Task<Outcome> MineAndStoreAsync(WeishiDbContext db, MiningModels models, Request request, IJobProgress? progress, CancellationToken ct)
    {
        progress?.Report(2, "读取需求");
        var regionIds = await MiningScope.RegionAndBelowAsync(db, request.RegionId, ct);
        var from = request.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = request.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Merged needs already count as support for the need they were merged into.
        var demands = await db.Demands.IgnoreQueryFilters().AsNoTracking()
            .Where(d => regionIds.Contains(d.RegionId) && d.SubmittedAtUtc >= from && d.SubmittedAtUtc < to && d.Status != DemandStatus.Merged)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Text, d.SubmittedAtUtc, d.RegionId, Community = d.Region!.ShortName })
            .ToListAsync(ct);

        progress?.Report(10, $"分析 {demands.Count} 条需求");
        var texts = demands.Select(d => (string?)d.Text).ToList();
        var result = new MiningPipeline(models.Analyzer, models.Classifier).Mine(texts, new MiningOptions
        {
            Progress = progress is null ? null : new StageProgress(f => progress.Report(10 + (int)(f * 75), "分析中")),
            MaxDegreeOfParallelism = 1,
            PairModel = models.PairModel,
        });
        var records = demands.Select(d => new DatedText(d.Text, DateOnly.FromDateTime(d.SubmittedAtUtc), d.Community)).ToList();
        var trends = TopicTrends.Compute(records, result.Topics);

        progress?.Report(88, "保存结果");
        var run = new MiningRun
        {
            RegionId = request.RegionId, From = request.From, To = request.To, JobId = request.JobId, DemandCount = demands.Count,
            ClassifierVersionId = models.ClassifierVersionId, PairModelVersionId = models.PairModelVersionId, CreatedByName = request.CreatedByName, CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime,
        };
        foreach (var trend in trends)
        {
            var topic = trend.Topic;
            run.Topics.Add(new MiningTopic
            {
                Number = topic.Id,
                Label = Cut(topic.Label, 200),
                Keywords = Cut(string.Join('、', topic.Keywords), 500),
                Size = topic.Size,
                Monthly = MiningTopic.FormatPairs(trend.ByMonth),
                Communities = MiningTopic.FormatPairs(trend.ByCommunity.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal), 4000),
                RepresentativeDemandIds = string.Join(',', topic.Representatives.Select(i => demands[i].Id.ToString(CultureInfo.InvariantCulture))),
            });
        }
        foreach (var mined in result.Texts)
        {
            run.Items.Add(new MiningItem
            {
                DemandId = demands[mined.Index].Id,
                RegionId = demands[mined.Index].RegionId,
                TopicNumber = mined.Topic,
                DuplicateGroup = mined.DuplicateGroup < 0 ? null : mined.DuplicateGroup + 1,
                Category = mined.Category,
                Confidence = Math.Round(mined.Confidence, 4),
                Keywords = Cut(string.Join('、', mined.Keywords), 200),
            });
        }
        foreach (var (topic, regionId) in result.Texts.Select(m => (m.Topic, demands[m.Index].RegionId)).Distinct())
            run.TopicRegions.Add(new MiningTopicRegion { TopicNumber = topic, RegionId = regionId });
        db.MiningRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return new Outcome(run, result.Topics.Count, result.Duplicates.Groups.Count);
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post reports that can arrive after the job ended).</summary>
    private sealed class StageProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
