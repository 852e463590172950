using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Delivery;

/// <summary>Records a session of a service project; its QR sign-in is open from its start until its end.</summary>
public sealed class NewSessionModel(WeishiDbContext db) : PageModel
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public sealed class SessionInput
    {
        public DateOnly? HeldOn { get; set; }
        public TimeOnly? From { get; set; }
        public TimeOnly? To { get; set; }
        public string? Place { get; set; }
        public string? Content { get; set; }
        public string? Staff { get; set; }
    }

    [BindProperty] public SessionInput Input { get; set; } = new();
    public Project Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (Project.Type != ProjectType.Service) ModelState.AddModelError("", "只有服务类项目登记活动场次");
        if (!DeliveryAccess.Records(Project)) ModelState.AddModelError("", "项目处于“实施中”时才能登记活动");
        if (Input.HeldOn is null || Input.From is null || Input.To is null) ModelState.AddModelError("", "请填写活动日期和起止时间");
        else if (Input.To <= Input.From) ModelState.AddModelError("", "结束时间应晚于开始时间");
        if (string.IsNullOrWhiteSpace(Input.Place)) ModelState.AddModelError("", "请填写活动地点");
        if (string.IsNullOrWhiteSpace(Input.Content)) ModelState.AddModelError("", "请填写活动内容");
        if (string.IsNullOrWhiteSpace(Input.Staff)) ModelState.AddModelError("", "请填写服务人员");
        if (Input.Place?.Trim().Length > 120 || Input.Staff?.Trim().Length > 120) ModelState.AddModelError("", "活动地点、服务人员各不能超过 120 字");
        if (!ModelState.IsValid) return Page();

        var session = new ActivitySession
        {
            ProjectId = id,
            HeldOn = Input.HeldOn!.Value,
            StartsAtUtc = ToUtc(Input.HeldOn.Value, Input.From!.Value),
            EndsAtUtc = ToUtc(Input.HeldOn.Value, Input.To!.Value),
            Place = Input.Place!.Trim(),
            Content = Input.Content!.Trim(),
            Staff = Input.Staff!.Trim(),
            SignInToken = DeliveryServices.NewSignInToken(),
            CreatedAtUtc = db.Time.GetUtcNow().UtcDateTime,
        };
        db.ActivitySessions.Add(session);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "活动已登记，可展示签到二维码";
        return RedirectToPage("Session", new { id = session.Id });
    }

    private static DateTime ToUtc(DateOnly day, TimeOnly time) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), China);

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        if (!DeliveryAccess.Delivers(db.Scope, project)) return Forbid();
        Project = project;
        return null;
    }
}
