using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.SignIn;

/// <summary>
/// The public page behind a session's QR code: a participant signs in on their phone with name, phone and optionally
/// an ID number. The token in the address is the only key; it reveals the session's title, date and place, nothing else.
/// </summary>
[EnableRateLimiting(DeliveryServices.SignInRateLimit)]
public sealed class IndexModel(WeishiDbContext db, ParticipantRegister register) : PageModel
{
    public sealed record SessionInfo(int Id, int ProjectId, string ProjectName, DateOnly HeldOn, string Place, DateTime StartsAtUtc, DateTime EndsAtUtc,
        bool ProjectRecords);

    public SessionInfo Session { get; private set; } = null!;
    public bool Ended { get; private set; }
    public bool NotYetOpen { get; private set; }
    public DateTime OpensAtUtc => ActivitySession.SignInOpensAtUtc(Session.StartsAtUtc);
    public List<string> Errors { get; } = [];
    public string? Notice { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? ResidentType { get; set; }

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token)) return NotFound();
        if (Ended)
        {
            Errors.Add("本场活动已结束，签到已关闭");
            return Page();
        }
        if (NotYetOpen)
        {
            Errors.Add(NotOpenMessage);
            return Page();
        }
        Errors.AddRange(ParticipantRegister.Validate(Name, Phone, IdNumber, phoneRequired: true, ResidentType));
        if (Errors.Count > 0) return Page();

        var ct = HttpContext.RequestAborted;
        db.AllowAnonymousSignIn = true;
        var person = await register.FindOrAddAsync(Name!, Phone, IdNumber, ParticipantRegister.ParseResidentType(ResidentType), ct);
        var session = await db.ActivitySessions.IgnoreQueryFilters().AsNoTracking().FirstAsync(s => s.Id == Session.Id, ct);
        if (await register.AttendAsync(session, person, byQr: true, ct) == SignInOutcome.AlreadySignedIn)
        {
            Notice = "您已签到过本场活动，无需重复签到";
            return Page();
        }
        TempData["Message"] = $"{person.Name}，签到成功！感谢参与";
        return RedirectToPage(new { token });
    }

    public string NotOpenMessage =>
        $"签到尚未开始：活动开始前 {ActivitySession.SignInOpensBefore.TotalMinutes:0} 分钟开放签到（{Display.Time(OpensAtUtc)} 起），请到时再扫码";

    private async Task<bool> LoadAsync(string token)
    {
        // Deliberately unfiltered: the visitor is anonymous, and the unguessable token selects exactly one session.
        var session = await db.ActivitySessions.IgnoreQueryFilters().AsNoTracking().Where(s => s.SignInToken == token)
            .Select(s => new SessionInfo(s.Id, s.ProjectId, s.Project!.Name, s.HeldOn, s.Place, s.StartsAtUtc, s.EndsAtUtc,
                s.Project.Status == ProjectStatus.InProgress))
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (session is null) return false;
        Session = session;
        var now = db.Time.GetUtcNow().UtcDateTime;
        // A session of a project no longer 实施中 (completed, accepted, stopped) takes no sign-ins, as staff entry does not.
        Ended = now > session.EndsAtUtc || !session.ProjectRecords;
        NotYetOpen = ActivitySession.SignInNotYetOpen(session.StartsAtUtc, now);
        return true;
    }
}
