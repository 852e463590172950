namespace Weishi.TextMining.Classification;

/// <summary>A training example: a need and its category code (see <see cref="Categories"/>).</summary>
public readonly record struct LabelledText(string Text, string Category)
{
    /// <summary>Reads <c>category&lt;TAB&gt;text</c> lines, skipping a header and blank lines.</summary>
    public static IEnumerable<LabelledText> ReadTsv(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || line.StartsWith("category\t", StringComparison.Ordinal)) continue;
            yield return new LabelledText(line[(tab + 1)..].Trim(), line[..tab].Trim());
        }
    }

    /// <summary>The hand-written training set shipped in the library (Data/training.tsv).</summary>
    public static IReadOnlyList<LabelledText> BuiltInTrainingSet() =>
        [.. ReadTsv(EmbeddedResources.ReadLines("training.tsv"))];
}
