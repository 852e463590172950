using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Weishi.Web.Infrastructure.Auth;

/// <summary>Which folders need which policy, in one list rather than on each page.</summary>
public static class PageAccess
{
    public static void Configure(PageConventionCollection c)
    {
        c.AuthorizeFolder("/");
        c.AllowAnonymousToPage("/Account/Login");
        c.AllowAnonymousToPage("/Account/Phone");
        c.AllowAnonymousToPage("/Error");
        c.AllowAnonymousToPage("/Index");
        c.AuthorizeFolder("/Projects", Policies.Programme);
        c.AuthorizeFolder("/Regions", Policies.Statistics);
        c.AuthorizeFolder("/Budgets", Policies.Statistics);
        c.AuthorizeFolder("/Demands", Policies.Statistics);
        c.AuthorizePage("/Demands/Create", Policies.RegionStaff);
        c.AuthorizePage("/Demands/Import", Policies.RegionStaff);
        c.AllowAnonymousToFolder("/Portal");
        c.AuthorizeFolder("/Contractors", Policies.Programme);
        c.AuthorizeFolder("/Statistics", Policies.Statistics);
        c.AuthorizeFolder("/Audit", Policies.Audit);
        c.AuthorizeFolder("/Admin", Policies.System);
        c.AuthorizeFolder("/Proposals", Policies.RegionStaff);
        c.AuthorizeFolder("/Screening", Policies.Statistics);
        c.AuthorizeFolder("/Council", Policies.RegionStaff);
        c.AuthorizeFolder("/Selection", Policies.RegionStaff);
        c.AuthorizeFolder("/Publicity", Policies.RegionStaff);
        c.AuthorizeFolder("/Voting", Policies.RegionStaff);
        c.AuthorizeFolder("/CostBenchmarking", Policies.Statistics);   // finance and auditors read; the pages' forms are staff-only
        c.AuthorizeFolder("/Maintenance", Policies.Statistics);
        c.AllowAnonymousToFolder("/Public");
        c.AllowAnonymousToPage("/Public/Vote/Option");   // a ballot option's project, public through its ballot (BallotOptionProjects)
        c.AuthorizeFolder("/Delivery", Policies.Programme);
        c.AuthorizePage("/Delivery/Execution", Policies.Statistics);   // per-region figures: a contractor has no region, so it would see only zeros
        c.AuthorizeFolder("/Inspections", Policies.Programme);
        c.AuthorizePage("/Inspections/Index", Policies.Statistics);   // the supervisors' list; a contractor sees its rectifications on its home
        c.AuthorizeFolder("/Acceptance", Policies.Programme);
        c.AuthorizeFolder("/Beneficiaries", Policies.Statistics);
        c.AuthorizeFolder("/Findings", Policies.Statistics);
        c.AllowAnonymousToFolder("/SignIn");
        c.AuthorizeFolder("/Surveys", Policies.Programme);
        c.AuthorizePage("/Surveys/Bank", Policies.District);
        c.AuthorizePage("/Surveys/Compose", Policies.RegionStaff);
        c.AllowAnonymousToFolder("/Survey");
        c.AuthorizeFolder("/Evaluation", Policies.Statistics);
        c.AuthorizePage("/Evaluation/Trees/Edit", Policies.Finance);
        c.AuthorizePage("/Mining/Index", Policies.RegionStaff);
        c.AuthorizePage("/Mining/Retrain", Policies.ModelAdmin);
        c.AuthorizePage("/Mining/Terms", Policies.ModelAdmin);
    }
}
