using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Surveys;

/// <summary>Runs <see cref="RectificationScanner"/> every day at 02:30 Beijing time, after the deviation scan.</summary>
public sealed class RectificationJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<RectificationJob> log)
    : DailyJob(scopes, time, log, new TimeSpan(2, 30, 0))
{
    protected override async Task<string> RunAsync(IServiceProvider services, DateOnly today, CancellationToken ct) =>
        $"满意度整改判定完成：新发起 {await services.GetRequiredService<RectificationScanner>().ScanAsync(null, ct)} 项整改";
}
