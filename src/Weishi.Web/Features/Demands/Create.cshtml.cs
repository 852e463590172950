using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Portal;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

/// <summary>Staff record a need gathered offline, with its channel and the day it was heard.</summary>
public sealed class CreateModel(WeishiDbContext db, PersonalData personal, TimeProvider time) : PageModel
{
    public static readonly DemandChannel[] OfflineChannels = [DemandChannel.Visit, DemandChannel.Meeting, DemandChannel.Paper, DemandChannel.Phone];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public int RegionId { get; set; }
    [BindProperty] public DemandChannel Channel { get; set; } = DemandChannel.Visit;
    [BindProperty] public DateOnly? CollectedOn { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public AgeBand? AgeBand { get; set; }
    [BindProperty] public ResidentType? ResidentType { get; set; }
    [BindProperty] public List<ResidentGroups> Groups { get; set; } = [];

    public DateOnly Today => ChinaDate.Today(time);
    public IReadOnlyList<CommunityOption> Communities { get; private set; } = [];
    public List<string> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        CollectedOn = ChinaDate.Today(time);
        if (Communities.Count == 1) RegionId = Communities[0].Id;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (DemandRules.ValidateText(Text) is { } textError) Errors.Add(textError);
        if (Communities.All(c => c.Id != RegionId)) Errors.Add("请选择您负责的社区");
        if (!OfflineChannels.Contains(Channel)) Errors.Add("请选择收集渠道");
        if (DemandRules.ValidateCollectedOn(CollectedOn, ChinaDate.Today(time)) is { } dateError) Errors.Add(dateError);
        if (Location is { Length: > 500 }) Errors.Add("地点不能超过 500 字");
        string? phone = null;
        if (!string.IsNullOrWhiteSpace(Phone))
        {
            if (PersonalData.ValidatePhone(Phone) is { } phoneError) Errors.Add(phoneError);
            else phone = Phone.Trim();
        }
        if (Errors.Count > 0) return Page();

        var demand = new Demand
        {
            Text = Text!.Trim(),
            Channel = Channel,
            RegionId = RegionId,
            CollectedOn = CollectedOn,
            // The need counts from the day it was heard (China time noon, so the date shows unchanged).
            SubmittedAtUtc = CollectedOn!.Value.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc),
            Status = DemandStatus.Pending,
            TrackingCode = DemandRules.NewTrackingCode(),
            RecordedByUserId = db.Scope.UserId,
            Location = string.IsNullOrWhiteSpace(Location) ? null : Location.Trim(),
            AgeBand = AgeBand,
            ResidentType = ResidentType,
            Groups = Groups.Aggregate(ResidentGroups.None, (all, g) => all | g),
        };
        await DemandContact.SetAsync(demand, phone, personal, ct);
        db.Demands.Add(demand);
        await db.SaveChangesAsync(ct);
        TempData["Message"] = $"已登记需求，查询码 {demand.TrackingCode}";
        return Redirect($"/Demands/Detail/{demand.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await CommunityOption.LoadAsync(db, ct);
        Communities = all.Where(c => db.Scope.CanWrite(c.Id)).ToList();
    }
}
