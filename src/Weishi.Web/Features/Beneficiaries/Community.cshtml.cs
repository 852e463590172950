using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Beneficiaries;

/// <summary>One community-year: the people served by many projects (masked), and the groups never reached.</summary>
public sealed class CommunityModel(WeishiDbContext db, BeneficiaryQuery query) : PageModel
{
    public string Community { get; private set; } = "";
    public int Year { get; private set; }
    public IReadOnlyList<FrequentParticipant> Frequent { get; private set; } = [];
    public IReadOnlyDictionary<string, int> AgeGroups { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, int> ResidentTypes { get; private set; } = new Dictionary<string, int>();
    public IReadOnlyList<ProjectCategory> CategoriesWithout { get; private set; } = [];
    public IReadOnlyList<BeneficiaryQuery.ProjectReach> Reach { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int regionId, int year)
    {
        var ct = HttpContext.RequestAborted;
        if (!db.Scope.CanRead(regionId)) return NotFound();
        var name = await db.Regions.Where(r => r.Id == regionId).Select(r => r.ShortName).FirstOrDefaultAsync(ct);
        if (name is null) return NotFound();
        Community = name;
        Year = year;
        Frequent = await query.FrequentAsync(regionId, year, ct: ct);
        AgeGroups = await query.AgeGroupsAsync(regionId, year, ct);
        ResidentTypes = await query.ResidentTypesAsync(regionId, year, ct);
        Reach = await query.ReachAsync(regionId, year, ct);
        var served = await db.Projects.Where(p => p.RegionId == regionId && p.Year == year).Select(p => p.Category).Distinct().ToListAsync(ct);
        CategoriesWithout = Enum.GetValues<ProjectCategory>().Except(served).ToList();
        return Page();
    }
}
