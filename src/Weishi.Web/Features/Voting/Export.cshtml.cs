using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Voting;

/// <summary>Downloads a ballot in pabulib's .pb format; votes are anonymous (numbered, no phone hashes).</summary>
public sealed class ExportModel(WeishiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var ballot = await db.Ballots.AsNoTracking().Include(b => b.Region).Include(b => b.Options).ThenInclude(o => o.Project)
            .FirstOrDefaultAsync(b => b.Id == id);
        if (ballot is null) return NotFound();
        var (projects, votes) = await BallotResults.LoadAsync(db, ballot);
        var text = PabulibExport.Write(ballot, ballot.Region!.Name, projects, votes);
        return File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", $"weishi_{ballot.Year}_{ballot.Region.Abbr}_{ballot.Id}.pb");
    }
}
