using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Jobs;

/// <summary>后台任务: the jobs the user may open (<see cref="JobAccess"/>: their own; every job for a system administrator),
/// newest first, so that an import, a mining run or a report can be found again after leaving its page.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public const int Shown = 100;
    public sealed record Row(int Id, string Title, JobStatus Status, int Percent, string? Message, string CreatedByName, DateTime CreatedAtUtc, DateTime? FinishedAtUtc);

    public IReadOnlyList<Row> Jobs { get; private set; } = [];
    public bool All { get; private set; }
    public JobStatus? Status { get; private set; }

    public async Task OnGetAsync(JobStatus? status, CancellationToken ct)
    {
        var scope = ScopeClaims.FromPrincipal(User);
        All = JobAccess.SeesAll(scope);
        Status = status is { } s && Enum.IsDefined(s) ? s : null;
        var jobs = db.Jobs.AsNoTracking().OpenableBy(scope);
        if (Status is { } wanted) jobs = jobs.Where(j => j.Status == wanted);
        Jobs = await jobs.OrderByDescending(j => j.Id).Take(Shown)
            .Select(j => new Row(j.Id, j.Title, j.Status, j.Percent, j.Message, j.CreatedByName, j.CreatedAtUtc, j.FinishedAtUtc))
            .ToListAsync(ct);
    }
}
