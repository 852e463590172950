using Weishi.Web.Features.Projects;

namespace Weishi.Web.Features.CostBenchmarking;

public static class CostBenchmarkingSetup
{
    /// <summary>Issue 10: cost benchmarking and the upkeep of works.</summary>
    public static IServiceCollection AddValueForMoney(this IServiceCollection services)
    {
        services.AddScoped<CostNormService>();
        services.AddScoped<CostComparison>();
        services.AddScoped<DistrictSpread>();
        services.AddScoped<IProjectStepGuard, CostGuard>();
        services.AddScoped<IProjectStepGuard, Maintenance.AssetGuard>();
        services.AddSingleton<SegmenterWarmup>();
        services.AddHostedService(sp => sp.GetRequiredService<SegmenterWarmup>());
        return services;
    }
}
