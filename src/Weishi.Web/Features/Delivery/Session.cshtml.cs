using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Delivery;

/// <summary>One session: its QR code for sign-in, the sign-in sheet (masked), staff entry of attendees and evidence photos.</summary>
public sealed class SessionModel(WeishiDbContext db, ParticipantRegister register) : PageModel
{
    public sealed record AttendeeRow(string Name, string? PhoneMasked, DateTime SignedInAtUtc, bool ByQr);

    public ActivitySession Session { get; private set; } = null!;
    public IReadOnlyList<AttendeeRow> Attendees { get; private set; } = [];
    public IReadOnlyList<(int Id, string FileName)> Photos { get; private set; } = [];
    public string SignInUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public bool Delivers { get; private set; }
    /// <summary>Sign-ins and photos are added while the project is 实施中 only, as sessions are: an accepted project's record stays as accepted.</summary>
    public bool Records => DeliveryAccess.Records(Session.Project!);
    public string NotRecordingMessage => $"项目处于“{ProjectWorkflow.Name(Session.Project!.Status)}”，只有“实施中”的项目才能录入签到和上传照片";
    public List<string> Errors { get; } = [];
    /// <summary>Staff entry follows the QR sign-in's window: nobody is entered as attending a session that has not begun.</summary>
    public bool EntryNotYetOpen => ActivitySession.SignInNotYetOpen(Session.StartsAtUtc, db.Time.GetUtcNow().UtcDateTime);
    public string EntryNotOpenMessage =>
        $"活动尚未开始，不能录入签到：活动开始前 {ActivitySession.SignInOpensBefore.TotalMinutes:0} 分钟起可录入（{Display.Time(ActivitySession.SignInOpensAtUtc(Session.StartsAtUtc))} 起）";

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? ResidentType { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAttendeeAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!Delivers) return Forbid();
        if (!Records)
        {
            Errors.Add(NotRecordingMessage);
            return Page();
        }
        if (EntryNotYetOpen)
        {
            Errors.Add(EntryNotOpenMessage);
            return Page();
        }
        Errors.AddRange(ParticipantRegister.Validate(Name, Phone, IdNumber, phoneRequired: false, ResidentType));
        if (Errors.Count > 0) return Page();
        var ct = HttpContext.RequestAborted;
        var person = await register.FindOrAddAsync(Name!, Phone, IdNumber, ParticipantRegister.ParseResidentType(ResidentType), ct);
        var outcome = await register.AttendAsync(Session, person, byQr: false, ct);
        TempData["Message"] = outcome == SignInOutcome.SignedIn ? $"已登记 {person.Name} 签到" : $"{person.Name} 已签到过本场活动";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostPhotoAsync(int id, IFormFile? photo)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!Delivers) return Forbid();
        if (!Records)
        {
            Errors.Add(NotRecordingMessage);
            return Page();
        }
        if (photo is null || photo.Length == 0)
        {
            Errors.Add("请选择要上传的照片");
            return Page();
        }
        var (data, extension, error) = await ImageCheck.ReadAsync(photo, HttpContext.RequestAborted);
        if (error is not null)
        {
            Errors.Add(error);
            return Page();
        }
        db.EvidenceFiles.Add(new EvidenceFile
        {
            ProjectId = Session.ProjectId, SessionId = Session.Id, Kind = "活动照片", FileName = UploadName.Of(photo),
            ContentType = ImageCheck.ContentType(extension!), Data = data!, UploadedAtUtc = db.Time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "照片已上传";
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var session = await db.ActivitySessions.AsNoTracking().Include(s => s.Project).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null) return NotFound();
        Session = session;
        Delivers = DeliveryAccess.Delivers(db.Scope, session.Project!);
        Attendees = await db.Attendances.AsNoTracking().Where(a => a.SessionId == id).OrderBy(a => a.SignedInAtUtc)
            .Select(a => new AttendeeRow(a.Participant!.Name, a.Participant.PhoneMasked, a.SignedInAtUtc, a.ByQr)).ToListAsync(ct);
        Photos = (await db.EvidenceFiles.AsNoTracking().Where(f => f.SessionId == id).Select(f => new { f.Id, f.FileName }).ToListAsync(ct))
            .Select(f => (f.Id, f.FileName)).ToList();
        SignInUrl = $"{Request.Scheme}://{Request.Host}/SignIn/{session.SignInToken}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(SignInUrl, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
        return null;
    }
}
