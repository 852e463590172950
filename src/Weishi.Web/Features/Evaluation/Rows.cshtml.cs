using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Evaluation;

/// <summary>The rows behind a data metric of an evaluation, a page at a time, and all of them as an Excel workbook.</summary>
public sealed class RowsModel(WeishiDbContext db, MetricCalculator metrics) : PageModel
{
    public const int PageSize = 100;

    // From the query only: "page" is also the route value naming the Razor page, which would win and never be a number.
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PerformanceEvaluation Evaluation { get; private set; } = null!;
    public MetricDefinition Metric { get; private set; } = null!;
    public IReadOnlyList<MetricRows.Column> Columns { get; private set; } = [];
    public Paged<MetricRows.Line> Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, string? metric, CancellationToken ct)
    {
        if (await LoadAsync(id, metric, ct) is not { } rows) return Metric?.Code == DataMetrics.UnitCostDispersion ? Redirect("/CostBenchmarking") : NotFound();
        Columns = rows.Columns;
        Result = await rows.PageAsync(PageNumber, PageSize, ct);
        return Page();
    }

    /// <summary>Every row of the metric (no page, no cap), money as numbers in 元.</summary>
    public async Task<IActionResult> OnGetExportAsync(int id, string? metric, CancellationToken ct)
    {
        if (await LoadAsync(id, metric, ct) is not { } rows) return NotFound();
        var lines = await rows.AllAsync(ct);
        const string counts = "计入指标";
        var sheet = lines.Select(l =>
        {
            var row = new Dictionary<string, object?> { ["项目编号"] = l.Code, ["项目名称"] = l.Name, ["社区"] = l.Region, ["年度"] = l.Year };
            for (var i = 0; i < rows.Columns.Count; i++)
                row[rows.Columns[i].Header] = rows.Columns[i].Kind == MetricRows.Kind.Money ? Math.Round((long)l.Values[i] / 100m, 2) : l.Values[i];
            row[counts] = l.Counts ? "是" : "否";
            return row;
        }).ToList();
        var moneyFormat = ExcelFile.Formats(money: rows.Columns.Where(c => c.Kind == MetricRows.Kind.Money).Select(c => c.Header));
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "数据明细", configuration: moneyFormat, cancellationToken: ct);
        stream.Position = 0;
        return File(stream, ExcelFile.ContentType, $"{Evaluation.Title}-{Metric.Name}-数据明细.xlsx");
    }

    /// <summary>The evaluation through the user's query filters (so a user who cannot open it gets 404), and its metric's rows.</summary>
    private async Task<MetricRows?> LoadAsync(int id, string? metric, CancellationToken ct)
    {
        var evaluation = await db.Set<PerformanceEvaluation>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (evaluation is null || DataMetrics.Find(metric) is not { } definition) return null;
        (Evaluation, Metric) = (evaluation, definition);
        return await MetricRows.ForAsync(db, metrics, evaluation, definition, ct);
    }
}
