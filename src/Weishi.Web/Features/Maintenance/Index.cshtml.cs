using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Maintenance;

/// <summary>管养台账: the assets of the user's communities (or one community), with their flags; Excel export.</summary>
public sealed class IndexModel(WeishiDbContext db) : PageModel
{
    public IReadOnlyList<AssetFlags.Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Communities { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public int? Community { get; set; }
    [BindProperty(SupportsGet = true)] public bool FlaggedOnly { get; set; }
    /// <summary>Years of the projects the assets came from (assets registered without a project then drop out).</summary>
    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var all = await AssetFlags.LoadAsync(db, Community, From, To, ct);
        Rows = FlaggedOnly ? all.Where(r => r.Flagged).ToList() : all;
        var years = await db.Assets.Where(a => a.Project != null).Select(a => a.Project!.Year).Distinct().ToListAsync(ct);
        Years = years.Concat(new[] { From, To }.OfType<int>()).Distinct().OrderByDescending(y => y).ToList();
        var ids = await db.Assets.Select(a => a.RegionId).Distinct().ToListAsync(ct);
        Communities = (await db.Regions.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Code)
            .Select(r => new { r.Id, r.ShortName }).ToListAsync(ct)).Select(r => (r.Id, r.ShortName)).ToList();
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var rows = await AssetFlags.LoadAsync(db, Community, From, To, HttpContext.RequestAborted);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["社区"] = r.Community, ["名称"] = r.Name, ["类别"] = AssetNames.Kind(r.Kind), ["地址"] = r.Address,
            ["竣工日期"] = r.CompletedOn.ToString("yyyy-MM-dd"), ["价值（元）"] = r.ValueFen / 100m, ["预计使用年限"] = r.ExpectedLifeYears,
            ["管养主体类型"] = AssetNames.Body(r.Body), ["管养主体"] = r.BodyName, ["年度管养资金（元）"] = r.YearlyReserveFen / 100m,
            ["含微实事资金"] = r.FromProgramme ? "是" : "否", ["上次巡查"] = r.LastInspection?.ToString("yyyy-MM-dd"),
            ["下次巡查"] = r.NextDue.ToString("yyyy-MM-dd"), ["巡查逾期"] = r.Overdue ? "是" : "否",
            ["无管养主体"] = r.NoBody ? "是" : "否", ["无管养资金"] = r.NoMoney ? "是" : "否",
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, configuration: ExcelFile.Formats(money: ["价值（元）", "年度管养资金（元）"]), cancellationToken: HttpContext.RequestAborted);
        stream.Position = 0;
        return File(stream, ExcelFile.ContentType, "管养台账.xlsx");
    }
}
