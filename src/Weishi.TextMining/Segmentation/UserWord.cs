namespace Weishi.TextMining.Segmentation;

/// <summary>A user-dictionary entry; without a frequency one is suggested as jieba does.</summary>
public readonly record struct UserWord(string Word, int? Frequency = null, string? Tag = null)
{
    /// <summary>Parses jieba's user-dictionary line format: <c>word [freq] [tag]</c>.</summary>
    public static UserWord? Parse(string line)
    {
        var parts = line.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || parts[0].StartsWith('#')) return null;
        int? freq = null;
        string? tag = null;
        for (var i = 1; i < parts.Length; i++)
        {
            if (int.TryParse(parts[i], System.Globalization.CultureInfo.InvariantCulture, out var f)) freq = f;
            else tag = parts[i];
        }
        return new UserWord(parts[0], freq, tag);
    }
}
