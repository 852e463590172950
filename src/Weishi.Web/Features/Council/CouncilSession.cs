using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Screening;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Council;

/// <summary>议事会会议: a residents' council meeting of one community that scores proposals with one rubric version.</summary>
public class CouncilSession : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int Year { get; set; }
    public DateOnly HeldOn { get; set; }
    public required string Place { get; set; }
    /// <summary>Members who must be present for the scores to count.</summary>
    public int Quorum { get; set; }
    public int RubricId { get; set; }
    public Rubric? Rubric { get; set; }
    public List<CouncilMember> Members { get; set; } = [];

    /// <summary>Scores count only with a quorum and, as Pingshan's rules require, at least one people's congress deputy present.</summary>
    public string? ValidityProblem()
    {
        var present = Members.Count(m => m.Present);
        if (present < Quorum) return $"出席 {present} 人，未达到法定人数 {Quorum} 人";
        if (!Members.Any(m => m.Present && m.IsDeputy)) return "没有人大代表出席";
        return null;
    }
}

public class CouncilMember : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CouncilSession? Session { get; set; }
    /// <summary>The session's community, repeated so that saves are scope-checked.</summary>
    public int RegionId { get; set; }
    public required string Name { get; set; }
    /// <summary>人大代表.</summary>
    public bool IsDeputy { get; set; }
    public bool Present { get; set; }
}

/// <summary>One member's scores and comment for one proposal.</summary>
public class CouncilScoreSheet : IRegionScoped, IAudited
{
    public int Id { get; set; }
    public int SessionId { get; set; }
    public CouncilSession? Session { get; set; }
    public int RegionId { get; set; }
    public int MemberId { get; set; }
    public CouncilMember? Member { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public string? Comment { get; set; }
    /// <summary>Weighted total on 0–100, computed from the items with the session's rubric.</summary>
    public decimal Total { get; set; }
    public List<CouncilScoreItem> Items { get; set; } = [];

    public static decimal Weighted(IEnumerable<(int Weight, int Points)> items) =>
        Math.Round(items.Sum(i => (decimal)i.Weight * i.Points / RubricCriterion.MaxPoints), 2);
}

/// <summary>One criterion's points on a sheet; audited (re-scoring deletes the old items and adds new ones).</summary>
public class CouncilScoreItem : IAudited
{
    public int Id { get; set; }
    public int SheetId { get; set; }
    public CouncilScoreSheet? Sheet { get; set; }
    public int CriterionId { get; set; }
    public RubricCriterion? Criterion { get; set; }
    public int Points { get; set; }
}
