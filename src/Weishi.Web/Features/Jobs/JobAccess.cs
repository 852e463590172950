using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Jobs;

/// <summary>Who may open a job's page (progress, outcome, result file): its creator and system administrators.</summary>
public static class JobAccess
{
    public static bool CanOpen(Job job, UserScope scope) => SeesAll(scope) || job.CreatedByUserId == scope.UserId;

    /// <summary>Whether the user may open every job, not only their own.</summary>
    public static bool SeesAll(UserScope scope) => scope.Has(AppRole.SystemAdmin);

    /// <summary>The jobs <see cref="CanOpen"/> lets the user open, as a query (the 后台任务 list).</summary>
    public static IQueryable<Job> OpenableBy(this IQueryable<Job> jobs, UserScope scope) =>
        SeesAll(scope) ? jobs : jobs.Where(j => j.CreatedByUserId == scope.UserId);
}
