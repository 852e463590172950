using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Demands;

public static class DemandCollectionSetup
{
    public static IServiceCollection AddDemandCollection(this IServiceCollection services)
    {
        services.AddScoped<FileStore>();
        services.AddScoped<DemandImporter>();
        services.AddScoped<Projects.IProjectStepGuard, DemandRelease>();
        services.AddScoped<IJobHandler, DemandImportJob>();
        return services;
    }
}
