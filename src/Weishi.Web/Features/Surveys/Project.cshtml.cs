using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Web.Features.Surveys;

/// <summary>A project's survey: open it, send single-use tokens to the register, see results and formality flags.</summary>
public sealed class ProjectModel(WeishiDbContext db, ISmsSender sms, PersonalData personal) : PageModel
{
    public const int DefaultMinimumSample = 30;
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(30);

    public int ProjectId { get; private set; }
    public string ProjectName { get; private set; } = "";
    public Survey? Survey { get; private set; }
    public string PublicUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public int Participants { get; private set; }
    public int Invitations { get; private set; }
    public SurveyStatistics Stats { get; private set; } = SurveyStatistics.Of([]);
    public List<FormalityFlag> Flags { get; private set; } = [];
    public List<(string Name, string Url)> Slips { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        if (Survey is null)
        {
            var ct = HttpContext.RequestAborted;
            var sessionStart = await db.ActivitySessions.Where(s => s.ProjectId == id).MinAsync(s => (DateTime?)s.StartsAtUtc, ct);
            var contractStart = await db.Contracts.Where(c => c.ProjectId == id).Select(c => (DateOnly?)c.StartOn).FirstOrDefaultAsync(ct);
            var now = db.Time.GetUtcNow().UtcDateTime;
            db.Surveys.Add(new Survey
            {
                ProjectId = id, PublicToken = SurveyServices.NewToken(), MinimumSample = DefaultMinimumSample, CreatedAtUtc = now,
                ServiceStartUtc = sessionStart ?? contractStart?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? now,
            });
            await db.SaveChangesAsync(ct);
        }
        TempData["Message"] = "满意度测评已开启";
        return RedirectToPage(new { id });
    }

    /// <summary>One single-use token per registered participant; those with a phone get it by SMS, the rest on a slip.</summary>
    public async Task<IActionResult> OnPostInviteAsync(int id)
    {
        if (!await LoadAsync(id) || Survey is null) return NotFound();
        var ct = HttpContext.RequestAborted;
        var invited = await db.SurveyInvitations.Where(i => i.SurveyId == Survey.Id).Select(i => i.ParticipantId).ToListAsync(ct);
        var people = await db.Attendances.Where(a => a.ProjectId == id && !invited.Contains(a.ParticipantId))
            .Select(a => a.Participant!).Distinct().ToListAsync(ct);
        var expires = db.Time.GetUtcNow().UtcDateTime + TokenLifetime;
        var sent = new List<(string Phone, string Token)>();
        foreach (var person in people)
        {
            var invitation = new SurveyInvitation
            {
                SurveyId = Survey.Id, ProjectId = id, ParticipantId = person.Id, Token = SurveyServices.NewToken(),
                ExpiresAtUtc = expires, SentBySms = person.PhoneEncrypted is not null,
            };
            db.SurveyInvitations.Add(invitation);
            if (person.PhoneEncrypted is not null) sent.Add((personal.DecryptPhone(person.PhoneEncrypted), invitation.Token));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (phone, token) in sent)
            await sms.SendAsync(phone, $"【民生微实事】感谢参加“{ProjectName}”，请为本项目打分（30天内有效，限填一次）：{AnswerUrl(token)}", ct);
        TempData["Message"] = $"已生成 {people.Count} 份答卷凭证，其中 {sent.Count} 份已短信发送";
        return RedirectToPage(new { id });
    }

    private string AnswerUrl(string token) => $"{Request.Scheme}://{Request.Host}/Survey/{token}";

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var project = await db.Projects.Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        if (project is null) return false;
        ProjectId = project.Id;
        ProjectName = project.Name;
        Survey = await db.Surveys.FirstOrDefaultAsync(s => s.ProjectId == id, ct);
        Participants = await db.Attendances.Where(a => a.ProjectId == id).Select(a => a.ParticipantId).Distinct().CountAsync(ct);
        if (Survey is null) return true;
        PublicUrl = AnswerUrl(Survey.PublicToken);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(PublicUrl, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == Survey.Id).ToListAsync(ct);
        Stats = SurveyStatistics.Of(responses);
        Flags = FormalityDetector.Detect(responses, Participants, Survey.ServiceStartUtc);
        var slips = await db.SurveyInvitations.Where(i => i.SurveyId == Survey.Id && !i.SentBySms)
            .Join(db.Participants, i => i.ParticipantId, p => p.Id, (i, p) => new { p.Name, i.Token }).ToListAsync(ct);
        Invitations = await db.SurveyInvitations.CountAsync(i => i.SurveyId == Survey.Id, ct);
        Slips.AddRange(slips.Select(s => (s.Name, AnswerUrl(s.Token))));
        return true;
    }
}
