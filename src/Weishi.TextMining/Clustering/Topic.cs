namespace Weishi.TextMining.Clustering;

/// <summary>A topic: its label (top keywords), member text indices and the most central texts.</summary>
public sealed record Topic(int Id, string Label, IReadOnlyList<string> Keywords, int Size, int[] Members, IReadOnlyList<int> Representatives);
