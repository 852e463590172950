using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Inspections;

/// <summary>
/// 监督检查: the inspections the user may read (the context's scope filter), newest first, by region, year of the
/// inspection and 整改状态, with the open and overdue rectifications counted; Excel export of the filtered list.
/// </summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(int Id, int ProjectId, string Code, string Name, string Community, string? Contractor,
        DateOnly InspectedOn, string Inspector, string Findings, bool Required, bool Answered, bool Confirmed, DateOnly? DueOn)
    {
        public RectificationState State => RectificationFilter.State(Required, Answered, Confirmed);
        public bool Open => State is RectificationState.AwaitingAnswer or RectificationState.AwaitingConfirmation;
        /// <summary>Days past the 整改期限 of an open rectification, or null when it is not overdue.</summary>
        public int? DaysOverdue(DateOnly today) => Open && DueOn is { } due && due < today ? today.DayNumber - due.DayNumber : null;
    }

    [BindProperty(SupportsGet = true)] public int? Region { get; set; }
    /// <summary>The year of the inspection date.</summary>
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>A <see cref="RectificationFilter"/> key.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;
    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];
    public IReadOnlyList<int> YearChoices { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int Total { get; private set; }
    public int OpenCount { get; private set; }
    public int OverdueCount { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await InRegionAndYearAsync(ct) is not { } scoped) return NotFound();
        var years = await db.Inspections.Select(i => i.InspectedOn.Year).Distinct().ToListAsync(ct);
        YearChoices = years.Concat(new[] { Year }.OfType<int>()).Distinct().OrderByDescending(y => y).ToList();
        Total = await scoped.CountAsync(ct);
        OpenCount = await RectificationFilter.Apply(scoped, RectificationFilter.Open, Today).CountAsync(ct);
        OverdueCount = await RectificationFilter.OverdueOf(scoped, Today).CountAsync(ct);
        Result = await Paged<Row>.LoadAsync(Rows(RectificationFilter.Apply(scoped, Status, Today)), PageNumber, PageSize, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await InRegionAndYearAsync(ct) is not { } scoped) return NotFound();
        var rows = await Rows(RectificationFilter.Apply(scoped, Status, Today)).ToListAsync(ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["检查日期"] = r.InspectedOn.ToString("yyyy-MM-dd"), ["项目编号"] = r.Code, ["项目名称"] = r.Name, ["社区"] = r.Community,
            ["承接单位"] = r.Contractor, ["检查人员"] = r.Inspector, ["检查发现"] = r.Findings, ["是否要求整改"] = r.Required ? "是" : "否",
            ["整改状态"] = RectificationFilter.Name(r.State), ["整改期限"] = r.DueOn?.ToString("yyyy-MM-dd"),
            ["逾期天数"] = r.DaysOverdue(Today),
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, cancellationToken: ct);
        stream.Position = 0;
        return File(stream, ExcelFile.ContentType, "监督检查.xlsx");
    }

    /// <summary>The readable inspections in the chosen region and year, or null when the region is not the user's to ask for.</summary>
    private async Task<IQueryable<Inspection>?> InRegionAndYearAsync(CancellationToken ct)
    {
        Today = ChinaDate.Today(db.Time);
        Regions = await RegionChoices.VisibleAsync(db, ct);
        // Refused as /Projects refuses it, rather than shown as an empty list.
        if (Region is { } chosen && Regions.All(r => r.Id != chosen)) return null;
        var query = db.Inspections.AsNoTracking();
        if (Region is { } region) query = query.Where(i => i.Project!.RegionId == region || i.Project!.Region!.ParentId == region);
        // A year DateOnly cannot hold (a typed number) filters nothing rather than failing.
        if (Year is { } year and >= 1 and < 9999)
        {
            DateOnly first = new(year, 1, 1), next = first.AddYears(1);
            query = query.Where(i => i.InspectedOn >= first && i.InspectedOn < next);
        }
        return query;
    }

    private static IQueryable<Row> Rows(IQueryable<Inspection> query) =>
        query.OrderByDescending(i => i.InspectedOn).ThenByDescending(i => i.Id).Select(i => new Row(
            i.Id, i.ProjectId, i.Project!.Code, i.Project.Name, i.Project.Region!.ShortName, i.Project.Contractor!.Name,
            i.InspectedOn, i.Inspector, i.Findings, i.RectificationRequired, i.ContractorResponse != null,
            i.RectificationClosedAtUtc != null, i.RectificationDueOn));
}
