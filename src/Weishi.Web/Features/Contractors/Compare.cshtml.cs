using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Contractors.Assessment;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Contractors;

/// <summary>
/// Contractors side by side in one category: unit costs, on-time rate, survey satisfaction, scores. Staff see every
/// contractor. A contractor user sees only its own figures against its peers' quartiles: other contractors' names
/// and figures stay out of its reach, like their detail pages (the Contractor query filter).
/// </summary>
public sealed class CompareModel(WeishiDbContext db, ContractorAssessment assessment) : PageModel
{
    /// <summary>Peer quartiles are shown only over at least this many other contractors, so none can be singled out.</summary>
    public const int MinPeers = 3;

    /// <summary>One figure of the contractor's own row against the quartiles of the other contractors' rows.</summary>
    public sealed record PeerFigure(string Label, string Own, string Lower, string Median, string Upper);

    public sealed record Row(int Id, string Name, int Projects, long SpentFen, decimal? CostPerBeneficiaryYuan,
        decimal? CostPerBeneficiarySessionYuan, double OnTimeRate, double? Satisfaction, int Answers, double Score)
    {
        public string Grade => ContractorAssessment.Grade(Score);
    }

    [BindProperty(SupportsGet = true)] public ProjectCategory Category { get; set; } = ProjectCategory.Elderly;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    /// <summary>Set for a contractor user: it gets <see cref="Own"/> and <see cref="Peers"/> instead of <see cref="Rows"/>.</summary>
    public int? OwnContractorId => db.Scope.ContractorId;
    public Row? Own { get; private set; }
    public int PeerCount { get; private set; }
    public List<PeerFigure> Peers { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var scores = (await assessment.ProjectScoresAsync(null, ct)).Where(s => s.Project.Delivered && s.Project.Category == Category).ToList();
        Years = scores.Select(s => s.Project.Year).Distinct().Order().ToList();
        if (Year is { } y) scores = scores.Where(s => s.Project.Year == y).ToList();
        var projectIds = scores.Select(s => s.Project.ProjectId).ToList();
        // Overall satisfaction (1–5) of every answer sheet of these projects, summed per project in SQL.
        var answers = await db.SurveyResponses.AsNoTracking().Where(r => projectIds.Contains(r.ProjectId))
            .GroupBy(r => r.ProjectId).Select(g => new { g.Key, Sum = g.Sum(r => r.Overall), Count = g.Count() })
            .ToDictionaryAsync(a => a.Key, ct);
        var names = await db.Contractors.AsNoTracking().IgnoreQueryFilters().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        Rows = scores.GroupBy(s => s.Project.ContractorId).Select(g =>
        {
            var spent = g.Sum(s => s.Project.SpentFen);
            var beneficiaries = g.Sum(s => (long)s.Project.PlannedBeneficiaries);
            var service = g.Where(s => s.Project.Type == ProjectType.Service).ToList();
            var personSessions = service.Sum(s => (long)s.Project.PlannedBeneficiaries * Math.Max(1, s.Project.PlannedSessions));
            var sheets = g.Select(s => answers.GetValueOrDefault(s.Project.ProjectId)).Where(a => a is not null).ToList();
            var count = sheets.Sum(a => a!.Count);
            return new Row(g.Key, names.GetValueOrDefault(g.Key, "?"), g.Count(), spent,
                beneficiaries > 0 ? Math.Round(spent / 100m / beneficiaries, 2) : null,
                personSessions > 0 ? Math.Round(service.Sum(s => s.Project.SpentFen) / 100m / personSessions, 2) : null,
                g.Count(s => OnTimeInput.DaysLate(s.Project) == 0) / (double)g.Count(),
                count > 0 ? Math.Round(sheets.Sum(a => a!.Sum) / (double)count, 2) : null, count,
                Math.Round(g.Average(s => s.Total), 2));
        }).OrderByDescending(r => r.Score).ToList();
        if (OwnContractorId is { } own) ShowOwnAgainstPeers(own);
    }

    private void ShowOwnAgainstPeers(int own)
    {
        Own = Rows.FirstOrDefault(r => r.Id == own);
        var peers = Rows.Where(r => r.Id != own).ToList();
        Rows = [];
        PeerCount = peers.Count;
        if (PeerCount < MinPeers) return;
        Peers =
        [
            Figure("元/受益人", Own?.CostPerBeneficiaryYuan, peers.Select(p => p.CostPerBeneficiaryYuan), v => v.ToString("0.00", CultureInfo.InvariantCulture)),
            Figure("元/人次（服务类）", Own?.CostPerBeneficiarySessionYuan, peers.Select(p => p.CostPerBeneficiarySessionYuan), v => v.ToString("0.00", CultureInfo.InvariantCulture)),
            Figure("按时完成率", (decimal?)Own?.OnTimeRate, peers.Select(p => (decimal?)p.OnTimeRate), v => (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%"),
            Figure("满意度", (decimal?)Own?.Satisfaction, peers.Select(p => (decimal?)p.Satisfaction), v => v.ToString("0.00", CultureInfo.InvariantCulture)),
            Figure("平均考核得分", (decimal?)Own?.Score, peers.Select(p => (decimal?)p.Score), v => v.ToString("0.00", CultureInfo.InvariantCulture)),
        ];
    }

    private static PeerFigure Figure(string label, decimal? own, IEnumerable<decimal?> peers, Func<decimal, string> format)
    {
        var values = peers.Where(v => v is not null).Select(v => v!.Value).Order().ToList();
        string Show(decimal? v) => v is { } x ? format(x) : "—";
        // Quartiles of fewer than MinPeers values would give away single contractors' figures.
        if (values.Count < MinPeers) return new PeerFigure(label, Show(own), "—", "—", "—");
        return new PeerFigure(label, Show(own), Show(Quantile(values, 0.25m)), Show(Quantile(values, 0.5m)), Show(Quantile(values, 0.75m)));
    }

    /// <summary>Linear interpolation between the closest ranks of sorted values.</summary>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal q)
    {
        var position = (sorted.Count - 1) * q;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
