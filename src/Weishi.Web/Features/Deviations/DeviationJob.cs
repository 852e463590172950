using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Deviations;

/// <summary>Runs <see cref="DeviationScanner"/> every day at 02:00 Beijing time.</summary>
public sealed class DeviationJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<DeviationJob> log)
    : DailyJob(scopes, time, log, TimeSpan.FromHours(2))
{
    protected override async Task<string> RunAsync(IServiceProvider services, DateOnly today, CancellationToken ct) =>
        $"偏差扫描完成：{await services.GetRequiredService<DeviationScanner>().ScanAsync(today, ct)} 项预警";
}
