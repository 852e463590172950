namespace Weishi.TextMining.Dedup;

/// <summary>One staff decision on two needs: <see cref="Same"/> when they are one need (合并), false when not (不是重复).</summary>
public sealed record LabelledPair(string TextA, string TextB, bool Same);
