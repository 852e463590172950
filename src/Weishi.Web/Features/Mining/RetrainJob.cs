using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

/// <summary>The admin button's retraining, run in the background like the `retrain` verb.</summary>
public sealed class RetrainJob(ClassifierRetrainer retrainer) : IJobHandler
{
    public const string JobKind = "classifier-retrain";

    public string Kind => JobKind;

    public static Job Create(string? userId, string userName) => new()
    {
        Kind = JobKind, Title = "用人工更正重新训练需求分类模型", CreatedByUserId = userId, CreatedByName = userName,
    };

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        progress.Report(5, "训练中");
        var (result, refusal) = await retrainer.RetrainAsync(job.CreatedByName, ct);
        return result is null ? new JobOutcome(false, refusal!) : new JobOutcome(true, result.Describe());
    }
}
