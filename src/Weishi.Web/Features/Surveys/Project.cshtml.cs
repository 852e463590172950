using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using QRCoder;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Surveys;

/// <summary>A project's survey: open it, send single-use tokens, see results, formality flags and the rectification.</summary>
public sealed class ProjectModel(WeishiDbContext db, JobRunner jobs, JobProgressBoard board) : PageModel
{
    public const int MaxText = 1000;
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(30);

    public int ProjectId { get; private set; }
    public string ProjectName { get; private set; } = "";
    public int RegionId { get; private set; }
    public int? ContractorId { get; private set; }
    public string RegionName { get; private set; } = "";
    public Survey? Survey { get; private set; }
    public SurveyReport? Report { get; private set; }
    public string PublicUrl { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public int Participants { get; private set; }
    public int Invitations { get; private set; }
    public SurveyStatistics Stats => Report?.Stats ?? SurveyStatistics.Of([]);
    public List<FormalityFlag> Flags => Report?.Flags ?? [];
    public List<CommentTopic> Topics { get; private set; } = [];
    public Rectification? Rectification { get; private set; }
    public List<(string Name, string Url)> Slips { get; } = [];
    public List<string> Errors { get; } = [];
    /// <summary>The survey's latest invitation job, running or done.</summary>
    public Job? InvitationJob { get; private set; }
    /// <summary>The job page is its creator's (and a system administrator's), like every job's.</summary>
    public bool CanOpenInvitationJob => InvitationJob is not null && Jobs.JobAccess.CanOpen(InvitationJob, db.Scope);
    /// <summary>Why residents can no longer answer (<see cref="SurveyWindow"/>), or null while the survey is open.</summary>
    public string? ClosedReason { get; private set; }

    [BindProperty] public string? Text { get; set; }

    public bool IsStaff => db.Scope.CanWrite(RegionId);
    public bool IsContractor => ContractorId is not null && db.Scope.ContractorId == ContractorId;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostOpenAsync(int id)
    {
        if (!await LoadAsync(id)) return NotFound();
        var (_, opened) = await SurveyOpening.OpenAsync(db, id, HttpContext.RequestAborted);
        TempData["Message"] = opened ? "满意度测评已开启" : "本项目已开启测评";
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// Queues the job that gives each registered participant not yet invited a single-use token, by SMS or on a slip
    /// (<see cref="SurveyInvitationJob"/>), and shows its progress; while one for this survey waits or runs, queues nothing.
    /// </summary>
    public async Task<IActionResult> OnPostInviteAsync(int id)
    {
        if (!await LoadAsync(id) || Survey is null) return NotFound();
        if (!IsStaff) return Forbid();
        var ct = HttpContext.RequestAborted;
        var parameters = new SurveyInvitationJob.Parameters(Survey.Id, SiteUrl, db.Scope.UserId, db.Scope.UserName);
        var (jobId, added) = await jobs.TryEnqueueAsync(db, SurveyInvitationJob.Create(Survey, ProjectName, parameters), ct);
        if (added) return Redirect($"/Jobs/Detail/{jobId}");
        TempData["Message"] = "本项目的一人一码正在发放中（排队或发送中），未重复提交；请等待该任务完成后再发放新登记的参与者";
        return RedirectToPage(new { id });
    }

    /// <summary>整改判定: applies the district thresholds once the minimum sample is reached.</summary>
    public async Task<IActionResult> OnPostAssessAsync(int id)
    {
        if (!await LoadAsync(id) || Report is null) return NotFound();
        if (!IsStaff) return Forbid();
        if (Rectification is not null) { TempData["Message"] = "本项目已有整改"; return RedirectToPage(new { id }); }
        var (opened, message) = SurveyOpening.Assess(Report, RegionName + "工作人员", db.Time.GetUtcNow().UtcDateTime);
        if (opened is not null && !await SurveyOpening.TryStoreAsync(db, opened, HttpContext.RequestAborted))
            message = "本项目已有整改";
        TempData["Message"] = message;
        return RedirectToPage(new { id });
    }

    /// <summary>The community records what it changed.</summary>
    public async Task<IActionResult> OnPostActionsAsync(int id)
    {
        if (!await LoadAsync(id) || Rectification is null) return NotFound();
        if (!IsStaff) return Forbid();
        if (!ValidText("整改措施")) return Page();
        var row = await db.Rectifications.SingleAsync(r => r.Id == Rectification.Id, HttpContext.RequestAborted);
        row.CommunityActions = Text!.Trim();
        row.ActionsAtUtc = db.Time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "已记录整改措施";
        return RedirectToPage(new { id });
    }

    /// <summary>The project's contractor answers the low items.</summary>
    public async Task<IActionResult> OnPostAnswerAsync(int id)
    {
        if (!await LoadAsync(id) || Rectification is null) return NotFound();
        if (!IsContractor) return Forbid();
        if (!ValidText("承接单位答复")) return Page();
        var row = await db.Rectifications.SingleAsync(r => r.Id == Rectification.Id, HttpContext.RequestAborted);
        row.ContractorAnswer = Text!.Trim();
        row.AnsweredAtUtc = db.Time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "已提交答复";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetExportAsync(int id)
    {
        if (!await LoadAsync(id) || Report is null) return NotFound();
        var stream = await SurveyExport.ProjectAsync(ProjectName, Report, Topics, HttpContext.RequestAborted);
        return File(stream, ExcelFile.ContentType, $"满意度测评-{ProjectId}.xlsx");
    }

    private bool ValidText(string label)
    {
        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text)) Errors.Add($"请填写{label}");
        else if (text.Length > MaxText) Errors.Add($"{label}不能超过 {MaxText} 字");
        return Errors.Count == 0;
    }

    private string SiteUrl => $"{Request.Scheme}://{Request.Host}";

    private string AnswerUrl(string token) => $"{SiteUrl}/Survey/{token}";

    private async Task<bool> LoadAsync(int id)
    {
        var ct = HttpContext.RequestAborted;
        var project = await db.Projects.Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.RegionId, p.ContractorId, Region = p.Region!.Name, p.Status, p.StatusChangedAtUtc }).FirstOrDefaultAsync(ct);
        if (project is null) return false;
        ClosedReason = SurveyWindow.ClosedReason(project.Status, project.StatusChangedAtUtc, db.Time.GetUtcNow().UtcDateTime);
        (ProjectId, ProjectName, RegionId, ContractorId, RegionName) = (project.Id, project.Name, project.RegionId, project.ContractorId, project.Region);
        Report = await SurveyReport.LoadAsync(db, id, ct);
        Survey = Report?.Survey;
        Participants = await db.Attendances.Where(a => a.ProjectId == id).Select(a => a.ParticipantId).Distinct().CountAsync(ct);
        if (Survey is null) return true;
        PublicUrl = AnswerUrl(Survey.PublicToken);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(PublicUrl, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
        Topics = CommentTopics.Group(Report!.Responses.Select(r => r.Comment));
        Rectification = await db.Rectifications.AsNoTracking().FirstOrDefaultAsync(r => r.SurveyId == Survey.Id, ct);
        InvitationJob = await db.Jobs.AsNoTracking().Where(j => j.ExclusiveKey == SurveyInvitationJob.KeyOf(Survey.Id))
            .OrderByDescending(j => j.Id).FirstOrDefaultAsync(ct);
        if (InvitationJob is not null) board.ShowLive(InvitationJob);
        var slips = await db.SurveyInvitations.Where(i => i.SurveyId == Survey.Id && i.Delivery == InvitationDelivery.Slip)
            .Join(db.Participants, i => i.ParticipantId, p => p.Id, (i, p) => new { p.Name, i.Token }).ToListAsync(ct);
        Invitations = await db.SurveyInvitations.CountAsync(i => i.SurveyId == Survey.Id, ct);
        Slips.AddRange(slips.Select(s => (s.Name, AnswerUrl(s.Token))));
        return true;
    }
}
