using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;

namespace Weishi.Web.Features.Delivery;

/// <summary>
/// Serves an evidence file to those who may see its project (the query filter decides). Only bytes that are a real
/// raster image (<see cref="ImageCheck"/>) are shown inline, with the detected type; anything else — whatever type the
/// upload claimed, e.g. an SVG or HTML page with script — is a download, so it never runs on the app's origin.
/// </summary>
public sealed class FileModel(WeishiDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var file = await db.EvidenceFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, HttpContext.RequestAborted);
        if (file is null) return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        if (ImageCheck.DetectContentType(file.Data) is { } image) return File(file.Data, image);
        return File(file.Data, "application/octet-stream", string.IsNullOrWhiteSpace(file.FileName) ? $"file-{file.Id}" : file.FileName);
    }
}
