namespace Weishi.TextMining.Segmentation;

/// <summary>A segment of the input text, by position, so segmenting allocates no strings.</summary>
public readonly record struct Token(int Start, int Length)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> Of(ReadOnlySpan<char> text) => text.Slice(Start, Length);
}
