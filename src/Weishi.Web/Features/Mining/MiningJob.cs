using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Clustering;
using Weishi.TextMining.Pipeline;
using Weishi.TextMining.Text;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

/// <summary>Mines the needs of a region submitted in a period and stores topics, category suggestions and duplicate groups.</summary>
public sealed class MiningJob(WeishiDbContext db, ClassifierStore classifiers, TimeProvider time) : IJobHandler
{
    public const string JobKind = "demand-mining";

    /// <summary>The creator's choice, checked against their scope when the job was queued.</summary>
    public sealed record Parameters(int RegionId, string RegionName, DateOnly From, DateOnly To, string? UserId, string UserName);

    public string Kind => JobKind;

    public static Job Create(Parameters p) => new()
    {
        Kind = JobKind,
        Title = $"需求分析：{p.RegionName} {p.From:yyyy-MM-dd} 至 {p.To:yyyy-MM-dd}",
        ParametersJson = JsonSerializer.Serialize(p),
        CreatedByUserId = p.UserId,
        CreatedByName = p.UserName,
    };

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<Parameters>(job.ParametersJson!)!;
        progress.Report(2, "读取需求");
        var regionIds = await MiningScope.RegionAndBelowAsync(db, p.RegionId, ct);
        var from = p.From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = p.To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Merged needs already count as support for the need they were merged into.
        var demands = await db.Demands.IgnoreQueryFilters().AsNoTracking()
            .Where(d => regionIds.Contains(d.RegionId) && d.SubmittedAtUtc >= from && d.SubmittedAtUtc < to && d.Status != DemandStatus.Merged)
            .OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.Text, d.SubmittedAtUtc, Community = d.Region!.ShortName })
            .ToListAsync(ct);

        var (versionId, classifier) = await classifiers.CurrentAsync(db, ct);
        progress.Report(10, $"分析 {demands.Count} 条需求");
        var texts = demands.Select(d => (string?)d.Text).ToList();
        var result = new MiningPipeline(TextAnalyzer.Default, classifier).Mine(texts, new MiningOptions
        {
            Progress = new StageProgress(f => progress.Report(10 + (int)(f * 75), "分析中")),
            MaxDegreeOfParallelism = 1,
        });
        var records = demands.Select(d => new DatedText(d.Text, DateOnly.FromDateTime(d.SubmittedAtUtc), d.Community)).ToList();
        var trends = TopicTrends.Compute(records, result.Topics);

        progress.Report(88, "保存结果");
        var run = new MiningRun
        {
            RegionId = p.RegionId, From = p.From, To = p.To, JobId = job.Id, DemandCount = demands.Count,
            ClassifierVersionId = versionId, CreatedByName = p.UserName, CreatedAtUtc = time.GetUtcNow().UtcDateTime,
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
                Communities = Cut(MiningTopic.FormatPairs(trend.ByCommunity.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)), 4000),
                RepresentativeDemandIds = string.Join(',', topic.Representatives.Select(i => demands[i].Id.ToString(CultureInfo.InvariantCulture))),
            });
        }
        foreach (var mined in result.Texts)
        {
            run.Items.Add(new MiningItem
            {
                DemandId = demands[mined.Index].Id,
                TopicNumber = mined.Topic,
                DuplicateGroup = mined.DuplicateGroup < 0 ? null : mined.DuplicateGroup + 1,
                Category = mined.Category,
                Confidence = Math.Round(mined.Confidence, 4),
                Keywords = Cut(string.Join('、', mined.Keywords), 200),
            });
        }
        db.MiningRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return new JobOutcome(true,
            $"分析完成：{demands.Count} 条需求，{result.Topics.Count} 个主题，疑似重复 {result.Duplicates.Groups.Count} 组。请回到“需求分析”页面查看（分析编号 {run.Id}）。");
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post reports that can arrive after the job ended).</summary>
    private sealed class StageProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
