using Weishi.TextMining.Clustering;
using Weishi.TextMining.Dedup;

namespace Weishi.TextMining.Pipeline;

/// <summary>What mining found for one text; <see cref="DuplicateGroup"/> is −1 when it has no near-duplicate.</summary>
public sealed record MinedText(int Index, string Category, double Confidence, bool CategoryByRule, int DuplicateGroup, int Topic, IReadOnlyList<string> Keywords);

/// <summary>All results; <see cref="StageTimes"/> tells where the time went (texts, duplicates, topics).</summary>
public sealed record MiningResult(IReadOnlyList<MinedText> Texts, IReadOnlyList<Topic> Topics, DuplicateGroups Duplicates, IReadOnlyDictionary<string, TimeSpan> StageTimes);
