using System.Globalization;

namespace Weishi.TextMining.Segmentation;

/// <summary>
/// jieba's prefix dictionary (dict.txt from the jieba.NET package) plus user words, frozen into a
/// <see cref="WordTrie"/> with each word's log-probability precomputed.
/// </summary>
internal sealed class WordDictionary
{
    public WordTrie Trie { get; }

    /// <summary>log(freq) − log(total) per trie node, the same double jieba computes per lookup.</summary>
    public double[] LogProbability { get; }

    /// <summary>The log-probability jieba gives an out-of-dictionary single character (freq 1).</summary>
    public double UnknownLogProbability { get; }

    public double Total { get; }

    public WordDictionary(IEnumerable<UserWord> userWords)
    {
        var words = new Dictionary<string, int>(400_000, StringComparer.Ordinal);
        var clauseWords = new Dictionary<string, bool>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var line in EmbeddedResources.ReadLines("dict.txt.gz"))
        {
            var first = line.IndexOf(' ', StringComparison.Ordinal);
            if (first <= 0) continue;
            var second = line.IndexOf(' ', first + 1);
            var freqText = second < 0 ? line.AsSpan(first + 1) : line.AsSpan(first + 1, second - first - 1);
            if (!int.TryParse(freqText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var freq)) continue;
            words[line[..first]] = freq;
            total += freq;
            if (first == 2 && second > 0 && ClauseTags.Contains(line[(second + 1)..])) clauseWords[line[..first]] = line[second + 1] == 'v';
        }
        _clauseWords = clauseWords.GetAlternateLookup<ReadOnlySpan<char>>();

        foreach (var user in userWords)
        {
            if (string.IsNullOrWhiteSpace(user.Word)) continue;
            var word = user.Word.Trim();
            // As jieba's add_word: the user's frequency replaces the dictionary's and is added to the total.
            var freq = user.Frequency is > 0 ? user.Frequency.Value : SuggestFrequency(word, words, total);
            words[word] = freq;
            total += freq;
        }

        Total = total;
        Trie = new WordTrie(words);
        var logTotal = Math.Log(total);
        UnknownLogProbability = Math.Log(1) - logTotal;
        var freqs = Trie.Frequencies;
        LogProbability = new double[freqs.Length];
        for (var i = 0; i < freqs.Length; i++)
            LogProbability[i] = freqs[i] > 0 ? Math.Log(freqs[i]) - logTotal : double.NaN;
    }

    /// <summary>jieba's tags of verbs, locatives, adverbs, conjunctions, prepositions, pronouns and particles.</summary>
    private static readonly HashSet<string> ClauseTags = ["v", "vd", "f", "d", "c", "p", "r", "u", "ad"];

    private readonly Dictionary<string, bool>.AlternateLookup<ReadOnlySpan<char>> _clauseWords;

    /// <summary>
    /// Whether jieba's dictionary tags a two-character word as a verb or a function word (知道, 参加, 沿岸), and if so
    /// whether it is a verb.
    /// </summary>
    public bool IsClauseWord(ReadOnlySpan<char> word, out bool verb) => _clauseWords.TryGetValue(word, out verb);

    public bool ContainsWord(ReadOnlySpan<char> word)
    {
        var node = Trie.Find(word);
        return node != 0 && Trie.Frequencies[node] > 0;
    }

    /// <summary>jieba's suggest_freq: just enough to make the word win over its own no-HMM segmentation.</summary>
    private static int SuggestFrequency(string word, Dictionary<string, int> words, double total)
    {
        int FreqOrOne(string w) => words.TryGetValue(w, out var f) && f > 0 ? f : 1;
        var p = 1.0;
        foreach (var segment in CutWithoutHmm(word, words, total)) p *= FreqOrOne(segment) / total;
        return Math.Max((int)(p * total) + 1, FreqOrOne(word));
    }

    private static List<string> CutWithoutHmm(string text, Dictionary<string, int> words, double total)
    {
        var n = text.Length;
        var logTotal = Math.Log(total);
        var best = new double[n + 1];
        var end = new int[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var candidate = double.MinValue;
            var found = false;
            for (var x = i; x < n; x++)
            {
                if (!words.TryGetValue(text[i..(x + 1)], out var f) || f <= 0) continue;
                var score = Math.Log(f) - logTotal + best[x + 1];
                if (!found || candidate < score) (candidate, end[i], found) = (score, x, true);
            }
            if (!found) (candidate, end[i]) = (Math.Log(1) - logTotal + best[i + 1], i);
            best[i] = candidate;
        }

        var result = new List<string>();
        var buffer = "";
        for (var x = 0; x < n;)
        {
            var y = end[x] + 1;
            var piece = text[x..y];
            if (piece.Length == 1 && char.IsAsciiLetterOrDigit(piece[0])) buffer += piece;
            else
            {
                if (buffer.Length > 0) result.Add(buffer);
                buffer = "";
                result.Add(piece);
            }
            x = y;
        }
        if (buffer.Length > 0) result.Add(buffer);
        return result;
    }
}
