using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// A staff member's judgement of two needs the engine suggested as duplicates: merged (one need) or marked 不是重复.
/// The latest decision per pair is what the duplicate model learns from when it is retrained, and a pair marked not
/// duplicate is no longer offered for merging.
/// </summary>
public class DuplicateDecision : IRegionScoped, IAudited
{
    public long Id { get; set; }
    /// <summary>The pair, the smaller id first.</summary>
    public int DemandId { get; set; }
    public Demands.Demand? Demand { get; set; }
    public int OtherDemandId { get; set; }
    /// <summary>The first need's community (the decision is seen by the staff who see that need).</summary>
    public int RegionId { get; set; }
    /// <summary>The texts as judged (training data must not change under the model).</summary>
    public required string Text { get; set; }
    public required string OtherText { get; set; }
    public bool IsDuplicate { get; set; }
    /// <summary>The mining run whose suggestion was judged.</summary>
    public int? RunId { get; set; }
    public string? DecidedByUserId { get; set; }
    public required string DecidedByName { get; set; }
    public DateTime DecidedAtUtc { get; set; }

    /// <summary>A decision on every pair of <paramref name="needs"/>: all one need, or none the same as another.</summary>
    public static IEnumerable<DuplicateDecision> AmongEach(IReadOnlyList<Demands.Demand> needs, bool duplicate, int? runId, string? userId, string userName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(needs);
        for (var i = 0; i < needs.Count; i++)
            for (var j = i + 1; j < needs.Count; j++)
                yield return Between(needs[i], needs[j], duplicate, runId, userId, userName, now);
    }

    /// <summary>"Not one need" for every pair of one of <paramref name="kept"/> and one of <paramref name="apart"/>.</summary>
    public static IEnumerable<DuplicateDecision> Across(IReadOnlyList<Demands.Demand> kept, IReadOnlyList<Demands.Demand> apart, int? runId, string? userId, string userName, DateTime now) =>
        from a in kept from b in apart select Between(a, b, false, runId, userId, userName, now);

    public static DuplicateDecision Between(Demands.Demand a, Demands.Demand b, bool duplicate, int? runId, string? userId, string userName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (first, second) = a.Id < b.Id ? (a, b) : (b, a);
        return new DuplicateDecision
        {
            DemandId = first.Id, OtherDemandId = second.Id, RegionId = first.RegionId, Text = first.Text, OtherText = second.Text,
            IsDuplicate = duplicate, RunId = runId, DecidedByUserId = userId, DecidedByName = userName, DecidedAtUtc = now,
        };
    }
}

/// <summary>The duplicate model retrained with staff decisions; the newest is used by later mining runs.</summary>
// Not IAudited, like ClassifierVersion: the row holds the model; its figures are the record.
public class PairModelVersion
{
    public int Id { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public string CreatedByName { get; set; } = "system";
    /// <summary>Pairs trained on, and how many of them staff said were one need.</summary>
    public int DecisionsUsed { get; set; }
    public int DuplicatesUsed { get; set; }
    public int HeldOut { get; set; }
    /// <summary>Share of held-out decisions the model in use before, and this one, agree with; null without held-out pairs.</summary>
    public double? AgreementBefore { get; set; }
    public double? AgreementAfter { get; set; }
    /// <summary>Taken out of use by an administrator: mining then uses the newest version not retired, else the shipped model.</summary>
    public bool Retired { get; set; }
    /// <summary>The model file (UTF-8 text, see Weishi.TextMining.Dedup.PairModel.Save).</summary>
    public required byte[] Model { get; set; }
}
