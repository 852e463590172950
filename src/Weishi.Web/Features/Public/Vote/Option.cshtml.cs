using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Public.Vote;

/// <summary>查看项目详情: what a ballot option's project is, for residents choosing between projects still under review.</summary>
public sealed class OptionModel(WeishiDbContext db) : PageModel
{
    public int BallotId { get; private set; }
    public string BallotTitle { get; private set; } = "";
    public BallotOptionProjects.OptionDetails Details { get; private set; } = null!;
    /// <summary>The project is shown on the public portal too (approved for publicity or beyond).</summary>
    public bool HasPublicPage { get; private set; }

    public async Task<IActionResult> OnGetAsync(int ballotId, int projectId)
    {
        var now = db.Time.GetUtcNow().UtcDateTime;
        var details = await BallotOptionProjects.DetailsAsync(db, ballotId, projectId, now);
        if (details is null) return NotFound();
        (BallotId, Details) = (ballotId, details);
        BallotTitle = await db.Ballots.IgnoreQueryFilters().Where(b => b.Id == ballotId).Select(b => b.Title).SingleAsync();
        HasPublicPage = await PublicProjects.Visible(db).AnyAsync(p => p.Id == projectId);
        return Page();
    }
}
