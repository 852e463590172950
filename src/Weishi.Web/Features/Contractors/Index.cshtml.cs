using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors;

public sealed class IndexModel(WeishiDbContext db, ContractorDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public ContractorType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectCategory? Category { get; set; }
    /// <summary>"watch", "suspended", "admitted" or empty.</summary>
    [BindProperty(SupportsGet = true)] public string? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Grade { get; set; }

    public IReadOnlyList<DirectoryRow> Rows { get; private set; } = [];
    public bool CanEdit => db.Scope.Has(AppRole.DistrictAdmin);

    public async Task OnGetAsync() => Rows = await FilteredAsync();

    public async Task<IActionResult> OnGetExportAsync()
    {
        var rows = (await FilteredAsync()).Select(r => new Dictionary<string, object>
        {
            ["单位名称"] = r.Name,
            ["统一社会信用代码"] = r.CreditCode,
            ["类型"] = Contractor.TypeName(r.Type),
            ["登记成立日期"] = r.RegisteredOn is { } d ? Display.Date(d) : "",
            ["评估等级"] = Contractor.RatingName(r.OrgRatingLevel),
            ["专职人员"] = r.FullTimeStaff,
            ["持证社工"] = r.CertifiedSocialWorkers,
            ["服务领域"] = string.Join("、", r.ServiceAreas.Select(ProjectNames.Category)),
            ["准入类别"] = string.Join("、", r.Admitted.Select(ProjectNames.Category)),
            ["承接项目"] = r.Projects,
            ["累计拨付（万元）"] = Money.WanValue(r.SpentFen),
            ["考核年度"] = r.Latest?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["考核得分"] = r.Latest is { } l ? Math.Round(l.Score, 2) : "",
            ["考核等级"] = r.Latest?.Grade ?? "",
            ["状态"] = r.Status,
        }).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: "承接单位", configuration: ExcelFile.Formats(money: ["累计拨付（万元）"], scores: ["考核得分"]), cancellationToken: HttpContext.RequestAborted);
        stream.Position = 0;
        return File(stream, ExcelFile.ContentType, "承接单位名录.xlsx");
    }

    private async Task<List<DirectoryRow>> FilteredAsync()
    {
        IEnumerable<DirectoryRow> rows = await directory.LoadAsync(HttpContext.RequestAborted);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            rows = rows.Where(r => r.Name.Contains(q, StringComparison.Ordinal) || r.CreditCode.Contains(q.ToUpperInvariant(), StringComparison.Ordinal));
        }
        if (Type is { } t) rows = rows.Where(r => r.Type == t);
        if (Category is { } c) rows = rows.Where(r => r.ServiceAreas.Contains(c) || r.Admitted.Contains(c));
        rows = Flag switch
        {
            "watch" => rows.Where(r => r.Watched),
            "suspended" => rows.Where(r => r.Suspended),
            "admitted" => rows.Where(r => r.Admitted.Count > 0),
            _ => rows,
        };
        if (!string.IsNullOrEmpty(Grade)) rows = rows.Where(r => r.Latest?.Grade == Grade);
        return rows.ToList();
    }
}
