using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Portal;

/// <summary>The programme explained in plain words, for residents, with the residents' votes open now.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public sealed record OpenBallot(int Id, string Title, string Community, DateTime ClosesAtUtc);

    public IReadOnlyList<OpenBallot> OpenBallots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = db.Time.GetUtcNow().UtcDateTime;
        // Ballots are public by design (as on /Public/Vote): a resident finds the open ones here, not only through a shared link.
        OpenBallots = await db.Ballots.IgnoreQueryFilters().AsNoTracking()
            .Where(b => b.OpensAtUtc <= now && b.ClosesAtUtc > now)
            .OrderBy(b => b.ClosesAtUtc).ThenBy(b => b.Id)
            .Select(b => new OpenBallot(b.Id, b.Title, b.Region!.ShortName, b.ClosesAtUtc))
            .ToListAsync(ct);
    }
}
