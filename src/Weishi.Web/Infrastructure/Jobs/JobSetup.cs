namespace Weishi.Web.Infrastructure.Jobs;

public static class JobSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services, bool runWorker)
    {
        services.AddSingleton<JobProgressBoard>();
        services.AddSingleton<JobRunner>();
        if (runWorker) services.AddHostedService<JobWorker>();
        return services;
    }
}
