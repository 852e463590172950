using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Statistics;

public sealed class IndexModel(StatisticsQuery query) : PageModel
{
    public ProgrammeStatistics Stats { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public int SelectedYear { get; private set; }

    public async Task OnGetAsync()
    {
        Stats = await query.LoadAsync(HttpContext.RequestAborted);
        SelectedYear = Year is { } y && Stats.Years.Contains(y) ? y : Stats.Years.LastOrDefault();
    }

    /// <summary>The same figures as an Excel workbook, one sheet per breakdown.</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var stats = await query.LoadAsync(HttpContext.RequestAborted);
        var sheets = new Dictionary<string, object>
        {
            ["年度汇总"] = Rows(stats.ByYear(), "年度"),
        };
        foreach (var year in stats.Years)
        {
            sheets[$"{year}按街道"] = Rows(WithTotal(stats.BySubdistrict(year)), "街道");
            sheets[$"{year}按类型"] = Rows(WithTotal(stats.ByType(year)), "项目类型");
            sheets[$"{year}按类别"] = Rows(WithTotal(stats.ByCategory(year)), "项目类别");
        }
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, configuration: ExcelFile.Formats(money: [SpentHeader]), cancellationToken: HttpContext.RequestAborted);
        stream.Position = 0;
        return File(stream, ExcelFile.ContentType, "民生微实事统计.xlsx");
    }

    /// <summary>A breakdown with its 合计 row, as the page shows it.</summary>
    private static IEnumerable<StatRow> WithTotal(IReadOnlyList<StatRow> rows) => rows.Append(StatRow.Total(rows));

    private const string SpentHeader = "实际支出（万元）";

    private static List<Dictionary<string, object>> Rows(IEnumerable<StatRow> rows, string label) =>
        rows.Select(r => new Dictionary<string, object>
        {
            [label] = r.Label,
            ["项目数（个）"] = r.Projects,
            [SpentHeader] = Money.WanValue(r.SpentFen),
        }).ToList();
}
