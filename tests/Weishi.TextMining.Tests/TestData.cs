namespace Weishi.TextMining.Tests;

internal static class TestData
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Data", name);

    /// <summary>
    /// Labelled needs written independently of the training set: text, category, dup_group. Set v1 (needs_test.tsv),
    /// or the sealed set v2 (needs_test2.tsv) whose author never saw the training data.
    /// </summary>
    public static IReadOnlyList<(string Text, string Category, string DupGroup)> LabelledNeeds(string file = "needs_test.tsv") =>
        [.. File.ReadLines(PathOf(file))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], p.Length > 2 ? p[2] : ""))];

    /// <summary>Lines of varied Chinese: the evaluation report, test and training needs, fixed sentences.</summary>
    public static IEnumerable<string> VariedCorpus()
    {
        foreach (var line in File.ReadLines(PathOf("report_corpus.txt")))
            if (!string.IsNullOrWhiteSpace(line)) yield return line;
        foreach (var need in LabelledNeeds()) yield return need.Text;
        foreach (var need in LabelledNeeds("needs_test2.tsv")) yield return need.Text;
        foreach (var example in Classification.LabelledText.BuiltInTrainingSet()) yield return example.Text;
        foreach (var line in File.ReadLines(PathOf("segmentation_sentences.txt")))
            if (!string.IsNullOrWhiteSpace(line)) yield return line;
    }
}
