using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Evaluation;

/// <summary>Generates an evaluation's report (.docx) in the background. Visibility was checked when it was queued.</summary>
public sealed class EvaluationReportJob(EvaluationScorer scorer, EvaluationReportBuilder builder, FileStore files) : IJobHandler
{
    public const string JobKind = "evaluation-report";

    public sealed record Parameters(int EvaluationId);

    public string Kind => JobKind;

    public static Job Create(PerformanceEvaluation e, string? userId, string userName) => new()
    {
        Kind = JobKind,
        Title = $"生成评价报告：{e.Title}",
        ParametersJson = JsonSerializer.Serialize(new Parameters(e.Id)),
        CreatedByUserId = userId,
        CreatedByName = userName,
    };

    public async Task<JobOutcome> RunAsync(Job job, IJobProgress progress, CancellationToken ct)
    {
        var p = JsonSerializer.Deserialize<Parameters>(job.ParametersJson!)!;
        progress.Report(5, "读取评价");
        var evaluation = await scorer.LoadAsync(p.EvaluationId, ct);
        if (evaluation is null) return new JobOutcome(false, "评价不存在或已删除。");
        var report = await builder.BuildAsync(evaluation, new Reporter(progress), ct);
        progress.Report(90, "写入 Word 文档");
        var path = files.NewPath("reports", ".docx");
        await using (var stream = File.Create(files.FullPath(path)))
            DocxReportWriter.Write(report, stream);
        return new JobOutcome(true, $"报告已生成：总分 {report.Sheet.Total:0.##} 分，等级“{report.Sheet.Grade}”。", path, $"{evaluation.Title}.docx");
    }

    private sealed class Reporter(IJobProgress progress) : IProgress<(int, string)>
    {
        public void Report((int, string) value) => progress.Report(value.Item1, value.Item2);
    }
}

public static class EvaluationSetup
{
    public static IServiceCollection AddPerformanceEvaluation(this IServiceCollection services)
    {
        services.AddScoped<MetricCalculator>();
        services.AddScoped<EvaluationScorer>();
        services.AddScoped<EvaluationReportBuilder>();
        services.AddScoped<EvaluationFactory>();
        services.AddScoped<IJobHandler, EvaluationReportJob>();
        return services;
    }
}
