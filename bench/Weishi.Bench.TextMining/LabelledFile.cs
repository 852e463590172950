namespace Weishi.Bench.TextMining;

/// <summary>A labelled test or development file: a header, then text, category and dup_group per line (tab-separated).</summary>
public sealed record LabelledFile(List<string> Texts, List<string> Categories, List<string> Groups)
{
    public static LabelledFile Read(string path)
    {
        var rows = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToList();
        return new LabelledFile([.. rows.Select(r => r[0])], [.. rows.Select(r => r.Length > 1 ? r[1] : "")], [.. rows.Select(r => r.Length > 2 ? r[2] : "")]);
    }
}
