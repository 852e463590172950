using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Contractors.SpotChecks;

/// <summary>
/// 抽查: one draw of ongoing projects for a period. The candidate list and the seed are stored, so anyone can
/// re-draw with <see cref="SpotCheckSampler"/> and get the same sample.
/// </summary>
public class SpotCheckDraw : IAudited
{
    public int Id { get; set; }
    public required string Period { get; set; }
    public int Year { get; set; }
    public int Seed { get; set; }
    public int PerStratum { get; set; }
    /// <summary>The candidate project ids at draw time, comma-separated, ascending.</summary>
    public required string CandidateIds { get; set; }
    public DateTime DrawnAtUtc { get; set; }
    public string? DrawnBy { get; set; }
    public List<SpotCheckItem> Items { get; set; } = [];
}

/// <summary>A drawn project: its stratum, the inspector assigned and the result.</summary>
public class SpotCheckItem : IAudited
{
    public int Id { get; set; }
    public int DrawId { get; set; }
    public SpotCheckDraw? Draw { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public required string Stratum { get; set; }
    public string? Inspector { get; set; }
    /// <summary>0–100; feeds the assessment's 抽查考核 input.</summary>
    public int? Score { get; set; }
    public string? Findings { get; set; }
    public DateOnly? CheckedOn { get; set; }
}
