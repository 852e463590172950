using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Jobs;

/// <summary>Who may open a job's page (progress, outcome, result file): its creator and system administrators.</summary>
public static class JobAccess
{
    public static bool CanOpen(Job job, UserScope scope) => job.CreatedByUserId == scope.UserId || scope.Has(AppRole.SystemAdmin);
}
