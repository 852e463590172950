using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.SurveyAnswering;

/// <summary>
/// The public answer page. The token is either a participant's single-use invitation or, for projects without a
/// participant register, the survey's public token (anonymous sheets). It reveals only the project's name.
/// </summary>
[EnableRateLimiting(SurveyServices.AnswerRateLimit)]
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public string ProjectName { get; private set; } = "";
    public bool Closed { get; private set; }
    public string? ClosedReason { get; private set; }
    public List<string> Errors { get; } = [];
    public List<(int Id, string Text)> Targeted { get; private set; } = [];

    [BindProperty] public SurveyAnswer Answer { get; set; } = new();

    private Surveys.Survey _survey = null!;
    private SurveyInvitation? _invitation;

    public async Task<IActionResult> OnGetAsync(string token) => await LoadAsync(token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string token)
    {
        if (!await LoadAsync(token)) return NotFound();
        if (Closed) { Errors.Add(ClosedReason!); return Page(); }
        Errors.AddRange(Answer.Validate(Targeted));
        if (Errors.Count > 0) return Page();

        db.AllowAnonymousSurvey = true;
        db.SurveyResponses.Add(new SurveyResponse
        {
            SurveyId = _survey.Id, ProjectId = _survey.ProjectId, InvitationId = _invitation?.Id,
            Overall = Answer.Overall!.Value, MetNeed = Answer.MetNeed!.Value, WouldJoinAgain = Answer.WouldJoinAgain!.Value,
            KnewBefore = Answer.KnewBefore!.Value, Comment = string.IsNullOrWhiteSpace(Answer.Comment) ? null : Answer.Comment.Trim(),
            SubmittedAtUtc = db.Time.GetUtcNow().UtcDateTime, ClientKey = SurveyServices.ClientKey(HttpContext),
            Items = Targeted.Select(q => new SurveyItemAnswer { ProjectId = _survey.ProjectId, QuestionId = q.Id, Score = Answer.Items[q.Id]!.Value }).ToList(),
        });
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
        }
        catch (DbUpdateException) when (_invitation is not null)
        {
            // The unique index on the invitation lost a race with another submission of the same token.
            Errors.Add("此问卷已提交过，每人只能填写一次");
            return Page();
        }
        // One answer per browser on the anonymous link: a cookie remembers it (clearing it still shows up as a burst flag).
        if (_invitation is null)
            Response.Cookies.Append(AnsweredCookie(_survey.Id), "1", new CookieOptions
            {
                HttpOnly = true, Secure = Request.IsHttps, SameSite = SameSiteMode.Lax, IsEssential = true,
                Path = "/Survey", MaxAge = TimeSpan.FromDays(365),
            });
        return RedirectToPage("Thanks");
    }

    private async Task<bool> LoadAsync(string token)
    {
        var ct = HttpContext.RequestAborted;
        if (string.IsNullOrEmpty(token) || token.Length > 32) return false;
        // Deliberately unfiltered: the visitor is anonymous; the unguessable token selects one survey or invitation.
        _invitation = await db.SurveyInvitations.IgnoreQueryFilters().AsNoTracking().Include(i => i.Survey)
            .FirstOrDefaultAsync(i => i.Token == token, ct);
        var survey = _invitation?.Survey ?? await db.Surveys.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.PublicToken == token, ct);
        if (survey is null) return false;
        _survey = survey;
        Targeted = (await db.SurveyItems.IgnoreQueryFilters().AsNoTracking().Where(i => i.SurveyId == survey.Id)
            .OrderBy(i => i.Question!.SortOrder).ThenBy(i => i.QuestionId).Select(i => new { i.QuestionId, i.Question!.Text }).ToListAsync(ct))
            .Select(i => (i.QuestionId, i.Text)).ToList();
        var project = await db.Projects.IgnoreQueryFilters().Where(p => p.Id == survey.ProjectId)
            .Select(p => new { p.Name, p.Status, p.StatusChangedAtUtc }).FirstAsync(ct);
        ProjectName = project.Name;
        var now = db.Time.GetUtcNow().UtcDateTime;
        if (SurveyWindow.ClosedReason(project.Status, project.StatusChangedAtUtc, now) is { } over) Close(over);
        else if (_invitation is not null)
        {
            if (_invitation.ExpiresAtUtc < now) Close("此问卷链接已过期");
            else if (await db.SurveyResponses.IgnoreQueryFilters().AnyAsync(r => r.InvitationId == _invitation.Id, ct))
                Close("此问卷已提交过，每人只能填写一次");
        }
        else if (await db.SurveyInvitations.IgnoreQueryFilters().AnyAsync(i => i.SurveyId == survey.Id, ct))
            Close("本项目已按参与者登记一人一码发放问卷，请使用短信链接或答卷条上的二维码填写");
        else if (Request.Cookies.ContainsKey(AnsweredCookie(survey.Id)))
            Close("您已提交过本问卷，每人只能填写一次，感谢参与");
        return true;
    }

    private static string AnsweredCookie(int surveyId) => $"weishi-survey-{surveyId}";

    private void Close(string reason) { Closed = true; ClosedReason = reason; }
}
