using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Contractors.Assessment;

namespace Weishi.Web.Features.Contractors;

public static class ContractorsSetup
{
    public static IServiceCollection AddContractors(this IServiceCollection services)
    {
        services.AddScoped<IAssessmentInput, AcceptanceInput>();
        services.AddScoped<IAssessmentInput, BudgetExecutionInput>();
        services.AddScoped<IAssessmentInput, OnTimeInput>();
        services.AddScoped<IAssessmentInput, SpotCheckInput>();
        services.AddScoped<IAssessmentInput, DeliveryPlanInput>();
        services.AddScoped<IAssessmentInput, InspectionInput>();
        services.AddScoped<IAssessmentInput, ComplaintInput>();
        services.AddScoped<SanctionProposer>();
        services.AddScoped<ContractorAssessment>();
        services.AddScoped<ContractorDirectory>();
        services.AddScoped<ContractorEligibility>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<SpotChecks.SpotCheckService>();
        return services;
    }
}
