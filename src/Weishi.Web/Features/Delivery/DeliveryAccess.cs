using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Features.Delivery;

/// <summary>Who may do what on a project's delivery records (the database context enforces the same on save).</summary>
public static class DeliveryAccess
{
    /// <summary>Community or subdistrict staff of the project's region, or the district.</summary>
    public static bool Manages(UserScope scope, Project p) => scope.WriteAll || scope.CanWrite(p.RegionId);

    /// <summary>Activities, progress, milestones done, rectification answers: the managers and the project's contractor.</summary>
    public static bool Delivers(UserScope scope, Project p) =>
        Manages(scope, p) || (scope.ContractorId != null && scope.ContractorId == p.ContractorId);

    /// <summary>Activities and progress are recorded while the project is 实施中 only (the forms are shown then only).</summary>
    public static bool Records(Project p) => p.Status == ProjectStatus.InProgress;

    /// <summary>完工 may be taken now: the project is 实施中 and the user may take that step (as on the project page).</summary>
    public static bool MayComplete(UserScope scope, Project p) =>
        ProjectWorkflow.NextSteps(p, scope).Any(s => s.To == ProjectStatus.Completed);

    /// <summary>Inspections and acceptance: subdistrict and district staff.</summary>
    public static bool Supervises(UserScope scope, Project p) =>
        scope.WriteAll || (scope.CanWrite(p.RegionId) && (scope.Has(AppRole.SubdistrictOfficer) || scope.Has(AppRole.DistrictAdmin)));
}
