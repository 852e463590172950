using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;

namespace Weishi.Web.Features.Jobs;

/// <summary>A job's progress bar (polled by htmx while it runs), its outcome and its result file. Only its creator
/// (or a system administrator) may see it.</summary>
public sealed class DetailModel(WeishiDbContext db, JobProgressBoard board, FileStore files) : PageModel
{
    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider ContentTypes = new();
    public Job Job { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Partial("_JobProgress", Job) : NotFound();

    public async Task<IActionResult> OnGetResultAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || Job.ResultPath is null || !files.Exists(Job.ResultPath)) return NotFound();
        // The file's own type (Word opens .docx directly), not a generic download; the name is the Chinese one the job chose.
        var type = Job.ResultPath.EndsWith(".csv", StringComparison.Ordinal) ? "text/csv; charset=utf-8"
            : ContentTypes.TryGetContentType(Job.ResultPath, out var known) ? known : "application/octet-stream";
        return File(files.OpenRead(Job.ResultPath), type, Job.ResultFileName ?? Path.GetFileName(Job.ResultPath));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var job = await db.Jobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return false;
        var scope = ScopeClaims.FromPrincipal(User);
        if (!JobAccess.CanOpen(job, scope)) return false;
        board.ShowLive(job);
        Job = job;
        return true;
    }
}
