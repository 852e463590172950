namespace Weishi.Web.Features.Findings;

public static class FindingsSetup
{
    /// <summary>The detectors (resolved together as IEnumerable&lt;IFindingDetector&gt;) and the recommendation library.</summary>
    public static IServiceCollection AddFindings(this IServiceCollection services)
    {
        services.AddScoped<RecommendationLibrary>();
        services.AddScoped<IFindingDetector, DemandSupplyDetector>();
        services.AddScoped<IFindingDetector, ScreeningDetector>();
        services.AddScoped<IFindingDetector, SupervisionDetector>();
        services.AddScoped<IFindingDetector, OneOffServicesDetector>();
        services.AddScoped<IFindingDetector, BeneficiariesDetector>();
        services.AddScoped<IFindingDetector, FormalSurveysDetector>();
        services.AddScoped<IFindingDetector, UnitCostDetector>();
        services.AddScoped<IFindingDetector, UpkeepDetector>();
        return services;
    }
}
