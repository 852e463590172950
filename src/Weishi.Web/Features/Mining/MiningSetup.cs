using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Mining;

public static class MiningSetup
{
    /// <summary>Issue 4's app part: mining and retraining jobs, the current models.</summary>
    public static IServiceCollection AddDemandMining(this IServiceCollection services)
    {
        services.AddSingleton<MiningModelStore>();
        services.AddScoped<ClassifierRetrainer>();
        services.AddScoped<PairModelRetrainer>();
        services.AddScoped<DemandMerger>();
        services.AddScoped<MiningView>();
        services.AddScoped<IJobHandler, MiningJob>();
        services.AddScoped<IJobHandler, RetrainJob>();
        services.AddScoped<IJobHandler, PairRetrainJob>();
        return services;
    }
}
