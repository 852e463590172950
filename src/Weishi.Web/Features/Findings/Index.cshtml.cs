using Weishi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// 问题发现: runs every detector over a period and a region and shows each finding with its evidence. A user whose
/// scope is a subdistrict or a community is held to it by the query filters and, in the picker, to its own regions.
/// </summary>
public sealed class IndexModel(WeishiDbContext db, IEnumerable<IFindingDetector> detectors) : PageModel
{
    public const int MinYear = 2000;
    public const int MaxYear = 2200;

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? Region { get; set; }

    public IReadOnlyList<RegionOption> Regions { get; private set; } = [];
    public bool CanChooseDistrict { get; private set; }
    public string ScopeName { get; private set; } = "全区";
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public IReadOnlyList<string> Clean { get; private set; } = [];
    public string? Error { get; private set; }
    /// <summary>The evaluation whose period the page took, when the user named no years.</summary>
    public string? DefaultEvaluation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CanChooseDistrict = db.Scope.ReadAll;
        Regions = await RegionChoices.VisibleAsync(db, ct);
        if (Region is { } chosen && Regions.All(r => r.Id != chosen)) return NotFound();
        // A scoped user without a choice sees its own (highest) region rather than a "district" that is only part of it.
        if (Region is null && !CanChooseDistrict)
            Region = Regions.OrderBy(r => r.Level).Select(r => (int?)r.Id).FirstOrDefault();
        if (Region is not null) ScopeName = Regions.First(r => r.Id == Region).Name;

        if (From is null && To is null)
        {
            var period = await DefaultPeriod.ForAsync(db, ct);
            (From, To, DefaultEvaluation) = (period.From, period.To, period.Evaluation);
        }
        else if (From is null || To is null)
        {
            To ??= (await DefaultPeriod.ForAsync(db, ct)).To;
            From ??= Math.Max(MinYear, To.Value - 2);
        }
        if (From is < MinYear or > MaxYear || To is < MinYear or > MaxYear || From > To)
        {
            Error = $"年度须在 {MinYear}–{MaxYear} 之间，且起始年度不晚于结束年度";
            return Page();
        }

        var scope = new EvaluationScope(From.Value, To.Value, Region is { } id ? [id] : [], []);
        var found = new List<Finding>();
        var clean = new List<string>();
        foreach (var detector in detectors)
        {
            var finding = await detector.DetectAsync(scope, ct);
            if (finding is null) clean.Add(FindingTypes.Find(detector.Type)?.Name ?? detector.Type);
            else found.Add(finding);
        }
        Findings = found;
        Clean = clean;
        return Page();
    }
}
