using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Acceptance;

/// <summary>验收 of a completed project; a passing result moves it to 已验收, which open rectifications forbid.</summary>
public sealed class RecordModel(WeishiDbContext db, ProjectTransitions transitions) : PageModel
{
    [BindProperty] public DateOnly? AcceptedOn { get; set; }
    [BindProperty] public string? Committee { get; set; }
    [BindProperty] public List<string> Checked { get; set; } = [];
    [BindProperty] public AcceptanceResult? Result { get; set; }
    [BindProperty] public string? Opinion { get; set; }
    public Project Project { get; private set; } = null!;
    public List<string> Errors { get; } = [];
    /// <summary>China's today: the latest day the date picker offers for what has already happened.</summary>
    public DateOnly Today => ChinaDate.Today(db.Time);
    /// <summary>The contract's start, the earliest day an acceptance may carry; null without a contract.</summary>
    public DateOnly? ContractStart { get; private set; }
    /// <summary>How the project was marked 已完工, with the explanation when delivery fell short of plan.</summary>
    public ProjectDecision? Completion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, IFormFile? report)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        var ct = HttpContext.RequestAborted;
        if (Project.Status != ProjectStatus.Completed) Errors.Add("项目完工后才能组织验收");
        if (AcceptedOn is null) Errors.Add("请填写验收日期");
        else if (AcceptedOn > Today) Errors.Add("验收日期不能晚于今天");
        else if (ContractStart is { } start && AcceptedOn < start)
            Errors.Add($"验收日期不能早于合同履约开始日期（{Display.Date(start)}）");
        if (string.IsNullOrWhiteSpace(Committee)) Errors.Add("请填写验收小组成员");
        else if (Committee.Trim().Length > 300) Errors.Add("验收小组成员不能超过 300 字");
        if (Result is null || !Enum.IsDefined(Result.Value)) Errors.Add("请选择验收结论");
        if (Checked.Any(c => !AcceptanceRecord.Checklists[Project.Type].Contains(c))) Errors.Add("验收项不属于本类项目的清单");
        if (report is { Length: > 0 } && await DocumentStore.ValidateAsync(report, ct) is { } reportError) Errors.Add("验收报告：" + reportError);
        if (Errors.Count == 0 && Result != AcceptanceResult.Failed && await AcceptanceGuard.RefusalAsync(db, id, ct) is { } open) Errors.Add(open);
        if (Errors.Count > 0) return Page();

        var record = new AcceptanceRecord
        {
            ProjectId = id, AcceptedOn = AcceptedOn!.Value, Committee = Committee!.Trim(), Checklist = string.Join("；", Checked),
            Result = Result!.Value, Opinion = Opinion?.Trim(),
        };
        // The report, the record and the status change are saved together: a refused move leaves no orphan file.
        await using var tx = await db.BeginWorkAsync(ct);
        if (report is { Length: > 0 })
        {
            using var buffer = new MemoryStream();
            await report.CopyToAsync(buffer, ct);
            var file = new EvidenceFile
            {
                ProjectId = id, Kind = "验收报告", FileName = UploadName.Of(report),
                ContentType = DocumentStore.ContentType(report.FileName), Data = buffer.ToArray(), UploadedAtUtc = db.Time.GetUtcNow().UtcDateTime,
            };
            db.EvidenceFiles.Add(file);
            await db.SaveChangesAsync(ct);
            record.ReportFileId = file.Id;
        }
        db.AcceptanceRecords.Add(record);
        // Saved before the move, which requires a passing record; a refused move rolls the record back with it.
        await db.SaveChangesAsync(ct);
        if (record.Result != AcceptanceResult.Failed && await transitions.MoveAsync(id, ProjectStatus.Accepted, ct) is { } error)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            Errors.Add(error);
            return Page();
        }
        await tx.CommitAsync(ct);
        TempData["Message"] = $"验收结论：{AcceptanceRecord.ResultName(record.Result)}";
        return RedirectToPage("/Delivery/Index", new { id });
    }

    /// <summary>Nothing is accepted before its work began: the contract's start, when a contract is recorded.</summary>
    private Task<DateOnly?> ContractStartAsync(int id, CancellationToken ct) =>
        db.Contracts.IgnoreQueryFilters().Where(c => c.ProjectId == id).Select(c => (DateOnly?)c.StartOn).FirstOrDefaultAsync(ct);

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        if (!DeliveryAccess.Supervises(db.Scope, project)) return Forbid();
        Project = project;
        ContractStart = await ContractStartAsync(id, HttpContext.RequestAborted);
        Completion = await ProjectDecision.LatestToAsync(db, id, ProjectStatus.Completed, HttpContext.RequestAborted);
        return null;
    }
}
