using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Regions;
using Weishi.Web.Features.Selection;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Voting;

public enum BallotKind
{
    /// <summary>Approve up to MaxChoices proposals.</summary>
    Approval = 1,
    /// <summary>Choose proposals whose total cost fits the community's remaining budget (knapsack ballot).</summary>
    Budget = 2,
}

/// <summary>A residents' vote on a community's proposals for a year; the selection rule is fixed when it opens.</summary>
public class Ballot : IRegionScoped, IAudited
{
    public static string KindName(BallotKind kind) => kind == BallotKind.Approval ? "限选投票" : "预算投票";

    public int Id { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public BallotKind Kind { get; set; }
    public int MaxChoices { get; set; }
    public long BudgetFen { get; set; }
    public SelectionRule Rule { get; set; }
    public DateTime OpensAtUtc { get; set; }
    public DateTime ClosesAtUtc { get; set; }
    public List<BallotOption> Options { get; set; } = [];

    public bool IsOpen(DateTime nowUtc) => nowUtc >= OpensAtUtc && nowUtc < ClosesAtUtc;
    public bool IsClosed(DateTime nowUtc) => nowUtc >= ClosesAtUtc;
}

public class BallotOption
{
    public int Id { get; set; }
    public int BallotId { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
}

/// <summary>One resident's vote; (BallotId, VoterHash) is unique, so a second vote fails even under concurrency.</summary>
public class Vote
{
    public long Id { get; set; }
    public int BallotId { get; set; }
    public Ballot? Ballot { get; set; }
    /// <summary>Keyed hash of the verified phone; the number itself is not kept.</summary>
    public required string VoterHash { get; set; }
    public DateTime CastAtUtc { get; set; }
    public List<VoteChoice> Choices { get; set; } = [];
}

public class VoteChoice
{
    public long Id { get; set; }
    public long VoteId { get; set; }
    public Vote? Vote { get; set; }
    public int ProjectId { get; set; }
}
