using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

/// <summary>The admin button's retraining of the duplicate model, run in the background like `retrain duplicates`.</summary>
public sealed class PairRetrainJob(PairModelRetrainer retrainer) : IJobHandler
{
    public const string JobKind = "pair-model-retrain";

    public string Kind => JobKind;

    public static Job Create(string? userId, string userName) => new()
    {
        Kind = JobKind, Title = "用工作人员的合并判断重新训练重复识别模型", CreatedByUserId = userId, CreatedByName = userName,
    };

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        progress.Report(5, "训练中");
        var (result, refusal) = await retrainer.RetrainAsync(job.CreatedByName, ct);
        return result is null ? new JobOutcome(false, refusal!) : new JobOutcome(true, result.Describe());
    }
}
