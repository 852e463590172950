namespace Weishi.Web.Features.Findings;

/// <summary>
/// What an evaluation covers: the district (no regions), some subdistricts/communities, or a set of projects,
/// over one or several years. Shared by the evaluation's data-driven leaves and the finding detectors.
/// </summary>
public sealed record EvaluationScope(int FromYear, int ToYear, IReadOnlyList<int> RegionIds, IReadOnlyList<int> ProjectIds)
{
    public static EvaluationScope District(int fromYear, int toYear) => new(fromYear, toYear, [], []);
}

/// <summary>One row behind a finding: a community or project and the figure that puts it there.</summary>
public sealed record FindingEvidence(string Subject, string Figure, string? Link = null);

/// <summary>A problem of the kind the source report lists in 五, stated with figures from the data.</summary>
public sealed record Finding(
    string Type,
    string Title,
    string Statement,
    IReadOnlyList<FindingEvidence> Evidence,
    string Recommendation);

/// <summary>Reads the data for one kind of problem; returns null when the data is clean.</summary>
public interface IFindingDetector
{
    /// <summary>Stable key of the finding type, also the key of the recommendation library.</summary>
    string Type { get; }

    Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct);
}
