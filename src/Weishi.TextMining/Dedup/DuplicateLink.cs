namespace Weishi.TextMining.Dedup;

/// <summary>Which stage found a duplicate pair.</summary>
public enum DuplicateStage
{
    /// <summary>Re-wording that shares most characters (character-bigram Jaccard).</summary>
    Shingles,

    /// <summary>The same need in other words, at the same place (weighted word cosine).</summary>
    Paraphrase,
}

/// <summary>A pair that joined two groups, the stage that matched it and its similarity.</summary>
public readonly record struct DuplicateLink(int A, int B, DuplicateStage Stage, double Score);
