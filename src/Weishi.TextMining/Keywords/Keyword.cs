namespace Weishi.TextMining.Keywords;

/// <summary>A keyword and its TF-IDF weight.</summary>
public readonly record struct Keyword(string Term, double Weight);
