using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Council;

/// <summary>The printable session record (会议记录): attendance, every member's scores and comments, the ranking.</summary>
public sealed class RecordModel(WeishiDbContext db) : PageModel
{
    public CouncilSession Session { get; private set; } = null!;
    public IReadOnlyList<CouncilScoreSheet> Sheets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var session = await db.CouncilSessions.AsNoTracking().Include(s => s.Region).Include(s => s.Members.OrderBy(m => m.Id))
            .Include(s => s.Rubric).ThenInclude(r => r!.Criteria.OrderBy(c => c.Position)).FirstOrDefaultAsync(s => s.Id == id);
        if (session is null) return NotFound();
        Session = session;
        Sheets = await db.CouncilScoreSheets.AsNoTracking().Include(s => s.Member).Include(s => s.Project).Include(s => s.Items)
            .Where(s => s.SessionId == id).OrderBy(s => s.ProjectId).ThenBy(s => s.MemberId).ToListAsync();
        return Page();
    }
}
