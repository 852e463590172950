using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Portal;

/// <summary>A printable poster per community whose QR code opens the form with that community chosen.</summary>
public sealed class PosterModel(WeishiDbContext db) : PageModel
{
    public CommunityOption? Community { get; private set; }
    /// <summary>Without a community code: every community, to pick the one to print.</summary>
    public IReadOnlyList<CommunityOption> Communities { get; private set; } = [];
    public string FormUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? community, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(community))
        {
            Communities = await CommunityOption.LoadAsync(db, ct);
            return Page();
        }
        if (!await LoadAsync(community, ct)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnGetQrAsync(string? community, CancellationToken ct)
    {
        if (!await LoadAsync(community, ct)) return NotFound();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(FormUrl, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(12);
        return File(png, "image/png");
    }

    private async Task<bool> LoadAsync(string? code, CancellationToken ct)
    {
        Community = (await CommunityOption.LoadAsync(db, ct)).FirstOrDefault(c => c.Code == code);
        if (Community is null) return false;
        FormUrl = $"{Request.Scheme}://{Request.Host}/Portal/Submit?community={Uri.EscapeDataString(Community.Code)}";
        return true;
    }
}
