using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Portal;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

/// <summary>
/// Who was heard in a community and year (知晓率/覆盖面): needs by channel and by the residents' self-description,
/// against the population profile staff keep; segments heard at less than half their population share are flagged.
/// </summary>
public sealed class CoverageModel(WeishiDbContext db, TimeProvider time) : PageModel
{
    public sealed record SegmentRow(Segment Segment, int Heard, int Known, int? Population, decimal? HeardShare, decimal? PopulationShare, bool UnderRepresented);

    [BindProperty(SupportsGet = true)] public int? Community { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public Dictionary<string, int?> Population { get; set; } = [];
    [BindProperty] public int? TotalPopulation { get; set; }

    public IReadOnlyList<CommunityOption> Communities { get; private set; } = [];
    public CommunityOption? Selected { get; private set; }
    public bool CanEdit { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<(DemandChannel Channel, int Count)> ByChannel { get; private set; } = [];
    public IReadOnlyList<SegmentRow> Segments { get; private set; } = [];
    public int? StoredTotal { get; private set; }
    public List<string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Community is not null && Selected is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Selected is null) return NotFound();
        if (!CanEdit) return Forbid();
        var values = Segment.All.Select(s => (Key: s.Key, Value: Population.GetValueOrDefault(s.Key))).Append((Key: Segment.Total, Value: TotalPopulation)).ToList();
        Errors.AddRange(Segment.Problems(values));
        if (Errors.Count > 0) return Page();
        var stored = await db.CommunityPopulations.Where(p => p.RegionId == Selected.Id).ToListAsync(ct);
        foreach (var (key, value) in values)
        {
            var row = stored.FirstOrDefault(p => p.Segment == key);
            if (value is null) { if (row is not null) db.CommunityPopulations.Remove(row); continue; }
            if (row is null) db.CommunityPopulations.Add(new CommunityPopulation { RegionId = Selected.Id, Segment = key, Population = value.Value });
            else row.Population = value.Value;
        }
        await db.SaveChangesAsync(ct);
        TempData["Message"] = "人口构成已保存";
        return Redirect($"/Demands/Coverage?community={Selected.Id}&year={Year}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Communities = (await CommunityOption.LoadAsync(db, ct)).Where(c => db.Scope.CanRead(c.Id)).ToList();
        Community ??= Communities.Count > 0 ? Communities[0].Id : null;
        Selected = Communities.FirstOrDefault(c => c.Id == Community);
        Year ??= ChinaDate.Today(time).Year;
        if (Selected is null) return;
        CanEdit = db.Scope.CanWrite(Selected.Id);

        var from = ChinaDate.StartUtc(new DateOnly(Year.Value, 1, 1));
        var to = ChinaDate.StartUtc(new DateOnly(Year.Value + 1, 1, 1));
        var demands = db.Demands.AsNoTracking().Where(d => d.RegionId == Selected.Id && d.SubmittedAtUtc >= from && d.SubmittedAtUtc < to);
        ByChannel = (await demands.GroupBy(d => d.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(x => x.Count).Select(x => (x.Key, x.Count)).ToList();
        Total = ByChannel.Sum(x => x.Count);
        var profiles = await demands.GroupBy(d => new { d.AgeBand, d.ResidentType, d.Groups })
            .Select(g => new { g.Key.AgeBand, g.Key.ResidentType, g.Key.Groups, Count = g.Count() }).ToListAsync(ct);
        var population = await db.CommunityPopulations.AsNoTracking().Where(p => p.RegionId == Selected.Id)
            .ToDictionaryAsync(p => p.Segment, p => p.Population, ct);
        StoredTotal = population.TryGetValue(Segment.Total, out var t) ? t : null;

        var rows = new List<SegmentRow>();
        foreach (var dimension in Segment.All.GroupBy(s => s.Dimension))
        {
            var known = dimension.Key switch
            {
                Segment.AgeDimension => profiles.Where(p => p.AgeBand != null).Sum(p => p.Count),
                Segment.TypeDimension => profiles.Where(p => p.ResidentType != null).Sum(p => p.Count),
                _ => Total,
            };
            // Exclusive dimensions compare within themselves; groups overlap, so they compare with the total population.
            var denominator = dimension.Key == Segment.GroupDimension
                ? StoredTotal
                : dimension.All(s => population.ContainsKey(s.Key)) ? dimension.Sum(s => population[s.Key]) : null;
            foreach (var segment in dimension)
            {
                var heard = profiles.Where(p => segment.Matches(p.AgeBand, p.ResidentType, p.Groups)).Sum(p => p.Count);
                int? pop = population.TryGetValue(segment.Key, out var v) ? v : null;
                decimal? heardShare = known > 0 ? (decimal)heard / known : null;
                decimal? popShare = pop is not null && denominator is > 0 ? (decimal)pop.Value / denominator.Value : null;
                var under = heardShare is not null && popShare is >= 0.05m && heardShare < popShare / 2;
                rows.Add(new SegmentRow(segment, heard, known, pop, heardShare, popShare, under));
            }
        }
        Segments = rows;
        foreach (var r in rows) Population.TryAdd(r.Segment.Key, r.Population);
        TotalPopulation ??= StoredTotal;
    }
}
