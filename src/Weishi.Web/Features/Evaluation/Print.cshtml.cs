using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Infrastructure.Money;

namespace Weishi.Web.Features.Evaluation;

/// <summary>The report as a printable web page, with the same sections as the Word document plus charts.</summary>
public sealed class PrintModel(EvaluationScorer scorer, EvaluationReportBuilder builder) : PageModel
{
    public EvaluationReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var evaluation = await scorer.LoadAsync(id, ct);
        if (evaluation is null) return NotFound();
        Report = await builder.BuildAsync(evaluation, null, ct);
        return Page();
    }

    public string YearsJson => System.Text.Json.JsonSerializer.Serialize(
        Report.Years.Select(y => new { name = $"{y.Year}", projects = y.Projects, wan = Money.WanValue(y.SpentFen) }));

    public string ScoresJson => System.Text.Json.JsonSerializer.Serialize(
        Report.Sheet.TopLevel.Select(n => new { name = n.Node.Name, weight = n.Node.Weight, score = n.Score ?? 0 }));
}
