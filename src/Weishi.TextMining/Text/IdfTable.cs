using System.Globalization;

namespace Weishi.TextMining.Text;

/// <summary>Inverse document frequencies from jieba's idf.txt; unknown terms get the median, as jieba does.</summary>
internal sealed class IdfTable
{
    private readonly Dictionary<string, float> _idf;
    private readonly Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public float Median { get; }

    public IdfTable()
    {
        _idf = new Dictionary<string, float>(280_000, StringComparer.Ordinal);
        foreach (var line in EmbeddedResources.ReadLines("idf.txt.gz"))
        {
            var space = line.LastIndexOf(' ');
            if (space <= 0) continue;
            if (float.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var idf))
                _idf[line[..space]] = idf;
        }
        var values = _idf.Values.ToArray();
        Array.Sort(values);
        Median = values.Length == 0 ? 10f : values[values.Length / 2];
        _lookup = _idf.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public float Of(ReadOnlySpan<char> term) => _lookup.TryGetValue(term, out var idf) ? idf : Median;

    /// <summary>The table's own string for a known term, so repeated keywords share one instance.</summary>
    public string Intern(ReadOnlySpan<char> term) =>
        _lookup.TryGetValue(term, out var key, out _) ? key : term.ToString();
}
