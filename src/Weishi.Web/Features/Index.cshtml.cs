using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Web.Features;

/// <summary>Sends each role to its own home page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet()
    {
        if (User.Identity?.IsAuthenticated != true) return Redirect("/Account/Login");
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
