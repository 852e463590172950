using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Delivery;

/// <summary>Serves an evidence file to those who may see its project (the query filter decides).</summary>
public sealed class FileModel(WeishiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, HttpContext.RequestAborted);
        if (file is null) return NotFound();
        return File(file.Data, file.ContentType, file.ContentType.StartsWith("image/", StringComparison.Ordinal) ? null : file.FileName);
    }
}
