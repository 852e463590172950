using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Features;

/// <summary>Anonymous visitors get the landing page (居民入口 and 工作人员登录); signed-in users go to their role's home page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true) return Page();
        var scope = ScopeClaims.FromPrincipal(User);
        return Redirect(Home(scope));
    }

    public static string Home(UserScope scope) =>
        scope.Has(AppRole.DistrictAdmin) ? "/Statistics"
        : scope.Has(AppRole.SubdistrictOfficer) || scope.Has(AppRole.CommunityStaff) ? "/Home/Workbench"
        : scope.Has(AppRole.FinanceEvaluator) ? "/Home/Finance"
        : scope.Has(AppRole.Auditor) ? "/Audit"
        : scope.Has(AppRole.SystemAdmin) ? "/Admin/Users"
        : scope.Has(AppRole.Contractor) ? "/Home/Contractor"
        : "/Home/Resident";
}
