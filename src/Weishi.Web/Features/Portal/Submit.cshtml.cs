using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Features.Portal;

/// <summary>The public form to raise a need. Anonymous, rate-limited per client; bad input stores nothing.</summary>
[EnableRateLimiting(AuthSetup.PortalRateLimit)]
[RequestSizeLimit(8 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 8 * 1024 * 1024)]
public sealed class SubmitModel(WeishiDbContext db, FileStore files, PersonalData personal, TimeProvider time, IServiceProvider sp) : PageModel
{
    public const int AddressMaxLength = 500;

    [BindProperty] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public string? Community { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public IFormFile? Photo { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public AgeBand? AgeBand { get; set; }
    [BindProperty] public ResidentType? ResidentType { get; set; }
    [BindProperty] public List<ResidentGroups> Groups { get; set; } = [];

    public IReadOnlyList<CommunityOption> Communities { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Communities = await CommunityOption.LoadAsync(db, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Communities = await CommunityOption.LoadAsync(db, ct);
        if (DemandRules.ValidateText(Text) is { } textError) Errors.Add(textError);

        var community = Communities.FirstOrDefault(c => c.Code == Community);
        if (community is null && !string.IsNullOrWhiteSpace(Address))
        {
            var match = Communities.Where(c => Address.Contains(c.Name, StringComparison.Ordinal)).OrderByDescending(c => c.Name.Length).ToList();
            if (match.Count > 0) community = match[0];
            else Errors.Add("没能从地址中找到社区，请在列表中选择所在社区");
        }
        else if (community is null) Errors.Add("请选择所在社区，或填写包含社区名的地址");

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            if (PersonalData.ValidatePhone(Phone) is { } phoneError) Errors.Add(phoneError);
            else phone = Phone.Trim();
        }

        byte[]? photo = null;
        string? photoExt = null;
        if (Photo is { Length: > 0 })
        {
            (photo, photoExt, var photoError) = await ImageCheck.ReadAsync(Photo, ct);
            if (photoError is not null) Errors.Add(photoError);
        }
        if (Address?.Trim() is { Length: > AddressMaxLength }) Errors.Add($"地址不超过 {AddressMaxLength} 字");
        if (Errors.Count > 0) return Page();

        var demand = new Demand
        {
            Text = Text!.Trim(),
            Channel = DemandChannel.Portal,
            RegionId = community!.Id,
            SubmittedAtUtc = time.GetUtcNow().UtcDateTime,
            Status = DemandStatus.Pending,
            TrackingCode = DemandRules.NewTrackingCode(),
            SubmittedByUserId = db.Scope.UserId,
            Location = string.IsNullOrWhiteSpace(Address) ? null : Address.Trim(),
            AgeBand = AgeBand,
            ResidentType = ResidentType,
            Groups = Groups.Aggregate(ResidentGroups.None, (all, g) => all | g),
        };
        await DemandContact.SetAsync(demand, phone, personal, ct);
        if (photo is not null)
            demand.PhotoPath = await files.SaveAsync("photos", photoExt!, new MemoryStream(photo), ct);
        // Residents write to a community they are not staff of: the portal saves with the application's scope.
        await using var systemDb = ImportApi.SystemContext(sp);
        systemDb.Demands.Add(demand);
        await systemDb.SaveChangesAsync(ct);
        return Redirect($"/Portal/Track?code={demand.TrackingCode}&new=true");
    }
}
