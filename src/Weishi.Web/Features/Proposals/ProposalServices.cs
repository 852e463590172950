using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Publicity;
using Weishi.Web.Features.Screening;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Voting;

namespace Weishi.Web.Features.Proposals;

public static class ProposalServices
{
    /// <summary>Issue 5's services: proposal checks, rubric, selection, voting, and the guards on the state machine.</summary>
    public static IServiceCollection AddProposalToApproval(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ProposalChecks>();
        services.AddScoped<RubricService>();
        services.AddScoped<SelectionService>();
        services.AddScoped<VotingService>();
        services.AddScoped<IProjectStepGuard, SelectionGuards>();
        return services;
    }
}
