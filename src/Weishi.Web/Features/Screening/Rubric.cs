using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Screening;

/// <summary>
/// 筛选标准: the published, weighted screening rubric of a year. Editing creates a new version; scores keep
/// the version they were given with, so a later edit never changes an old score.
/// </summary>
public class Rubric : IAudited
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public string? PublishedBy { get; set; }
    public List<RubricCriterion> Criteria { get; set; } = [];
}

/// <summary>One weighted criterion; a council member gives it 0–10 points following the guide.</summary>
public class RubricCriterion : IAudited
{
    public int Id { get; set; }
    public int RubricId { get; set; }
    public Rubric? Rubric { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    /// <summary>Percent; the weights of a rubric add up to 100.</summary>
    public int Weight { get; set; }
    public required string Guide { get; set; }

    public const int MaxPoints = 10;
}
