namespace Weishi.TextMining.Segmentation;

/// <summary>
/// Simplified-Chinese word segmenter equivalent to jieba precise mode with HMM: a DAG over the
/// prefix dictionary, the maximum log-probability route computed right to left, and Viterbi over
/// runs of single characters the dictionary does not know. Thread-safe; allocation-free per token.
/// </summary>
public sealed class ChineseSegmenter
{
    private static readonly Lazy<ChineseSegmenter> LazyDefault = new(() => new ChineseSegmenter(DefaultUserWords()));

    private readonly WordDictionary _dictionary;
    private readonly HmmModel _hmm = new();

    [ThreadStatic] private static double[]? t_route;
    [ThreadStatic] private static int[]? t_routeEnd;

    /// <summary>The shared segmenter with the shipped user dictionary (domain terms, Pingshan places).</summary>
    public static ChineseSegmenter Default => LazyDefault.Value;

    /// <param name="userWords">Words added to jieba's dictionary at load time.</param>
    public ChineseSegmenter(IEnumerable<UserWord>? userWords = null)
    {
        var words = userWords?.ToList() ?? [];
        _dictionary = new WordDictionary(words);
        AddedPlaces = [.. words.Where(w => w.Tag == PlaceTag && !string.IsNullOrWhiteSpace(w.Word)).Select(w => w.Word.Trim())
            .Where(w => !ShippedPlaces.Value.Contains(w)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>jieba's tag of place names (地名).</summary>
    public const string PlaceTag = "ns";

    /// <summary>
    /// The place names (tag ns) among the user words beyond the shipped dictionary's: the district's own 地名
    /// (聚龙山, 燕子湖), which duplicate detection then tells apart like the estates it finds by their place word.
    /// </summary>
    public IReadOnlyList<string> AddedPlaces { get; }

    private static readonly Lazy<HashSet<string>> ShippedPlaces =
        new(() => [.. DefaultUserWords().Where(w => w.Tag == PlaceTag).Select(w => w.Word.Trim())]);

    /// <summary>The user dictionary shipped in the library (<c>Resources/userdict.txt</c>).</summary>
    public static IReadOnlyList<UserWord> DefaultUserWords() =>
        [.. EmbeddedResources.ReadLines("userdict.txt").Select(UserWord.Parse).OfType<UserWord>()];

    /// <summary>Reads a user dictionary file in jieba's format (<c>word [freq] [tag]</c> per line).</summary>
    public static IReadOnlyList<UserWord> ReadUserWords(string path) =>
        [.. File.ReadLines(path).Select(UserWord.Parse).OfType<UserWord>()];

    public bool ContainsWord(ReadOnlySpan<char> word) => _dictionary.ContainsWord(word);

    /// <summary>Whether a word is made only of the characters the segmenter builds words from (jieba's Han range).</summary>
    public static bool IsHanWord(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!CharClasses.IsHan(c)) return false;
        return true;
    }

    /// <summary>
    /// Whether jieba's dictionary tags the two-character word as a verb or a function word (知道, 参加, 沿岸): such a
    /// word ends a clause, not a name. <paramref name="verb"/> tells verbs apart (they still name roads: 解放路).
    /// </summary>
    public bool IsClauseWord(ReadOnlySpan<char> word, out bool verb) => _dictionary.IsClauseWord(word, out verb);

    /// <summary>Segments <paramref name="text"/>, appending the tokens to <paramref name="tokens"/>.</summary>
    public void Segment(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var i = 0;
        while (i < text.Length)
        {
            var j = i + 1;
            if (CharClasses.IsBlockChar(text[i]))
            {
                while (j < text.Length && CharClasses.IsBlockChar(text[j])) j++;
                CutBlock(text[i..j], i, tokens);
            }
            else
            {
                while (j < text.Length && !CharClasses.IsBlockChar(text[j])) j++;
                AddOtherRun(text, i, j, tokens);
            }
            i = j;
        }
    }

    /// <summary>Segments into strings, like jieba's <c>Cut(text)</c>.</summary>
    public List<string> Cut(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var tokens = new List<Token>();
        Segment(text, tokens);
        return tokens.ConvertAll(t => text.Substring(t.Start, t.Length));
    }

    /// <summary>Segments many texts in parallel, one result per text in input order.</summary>
    public string[][] CutMany(IReadOnlyList<string> texts, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var results = new string[texts.Count][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, texts.Count, options, () => new List<Token>(), (i, _, tokens) =>
        {
            tokens.Clear();
            var text = texts[i] ?? "";
            Segment(text, tokens);
            var words = new string[tokens.Count];
            for (var k = 0; k < words.Length; k++) words[k] = text.Substring(tokens[k].Start, tokens[k].Length);
            results[i] = words;
            return tokens;
        }, _ => { });
        return results;
    }

    /// <summary>
    /// Segments many texts in parallel without allocating strings: <paramref name="onText"/> receives
    /// each text's index, the text and its tokens (a per-thread list, valid only during the call).
    /// </summary>
    public void SegmentMany(IReadOnlyList<string> texts, Action<int, string, List<Token>> onText, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(onText);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, texts.Count, options, () => new List<Token>(), (i, _, tokens) =>
        {
            tokens.Clear();
            var text = texts[i] ?? "";
            Segment(text, tokens);
            onText(i, text, tokens);
            return tokens;
        }, _ => { });
    }

    /// <summary>Outside blocks every character is its own token (CRLF and surrogate pairs stay together).</summary>
    private static void AddOtherRun(ReadOnlySpan<char> text, int start, int end, List<Token> tokens)
    {
        for (var k = start; k < end; k++)
        {
            var isPair = k + 1 < end && ((text[k] == '\r' && text[k + 1] == '\n')
                || (char.IsHighSurrogate(text[k]) && char.IsLowSurrogate(text[k + 1])));
            tokens.Add(new Token(k, isPair ? 2 : 1));
            if (isPair) k++;
        }
    }

    private void CutBlock(ReadOnlySpan<char> block, int offset, List<Token> tokens)
    {
        var n = block.Length;
        var route = t_route is { } r0 && r0.Length > n ? r0 : t_route = new double[Math.Max(n + 1, 256)];
        var routeEnd = t_routeEnd is { } e0 && e0.Length > n ? e0 : t_routeEnd = new int[Math.Max(n + 1, 256)];
        var trie = _dictionary.Trie;
        var freqs = trie.Frequencies;
        var logP = _dictionary.LogProbability;

        route[n] = 0.0;
        for (var i = n - 1; i >= 0; i--)
        {
            var best = double.MinValue;
            var bestEnd = -1;
            var node = trie.Root(block[i]);
            for (var x = i; node != 0;)
            {
                if (freqs[node] > 0)
                {
                    var score = logP[node] + route[x + 1];
                    if (best < score) (best, bestEnd) = (score, x);
                }
                if (++x >= n) break;
                node = trie.Next(node, block[x]);
            }
            if (bestEnd < 0) (best, bestEnd) = (_dictionary.UnknownLogProbability + route[i + 1], i);
            route[i] = best;
            routeEnd[i] = bestEnd;
        }

        var bufferStart = -1;
        for (var x = 0; x < n;)
        {
            var y = routeEnd[x] + 1;
            if (y - x == 1)
            {
                if (bufferStart < 0) bufferStart = x;
            }
            else
            {
                if (bufferStart >= 0) FlushSingles(block, bufferStart, x, offset, tokens);
                bufferStart = -1;
                tokens.Add(new Token(offset + x, y - x));
            }
            x = y;
        }
        if (bufferStart >= 0) FlushSingles(block, bufferStart, n, offset, tokens);
    }

    /// <summary>A run of single-character steps: kept as characters if it is itself a word, else left to the HMM.</summary>
    private void FlushSingles(ReadOnlySpan<char> block, int start, int end, int offset, List<Token> tokens)
    {
        var run = block[start..end];
        if (run.Length == 1)
        {
            tokens.Add(new Token(offset + start, 1));
        }
        else if (_dictionary.ContainsWord(run))
        {
            for (var k = start; k < end; k++) tokens.Add(new Token(offset + k, 1));
        }
        else
        {
            CutUnknown(run, offset + start, tokens);
        }
    }

    /// <summary>jieba.NET's final segmentation: Viterbi on Han runs, regex <c>[a-zA-Z0-9]+(?:\.\d+)?%?</c> elsewhere.</summary>
    private void CutUnknown(ReadOnlySpan<char> run, int offset, List<Token> tokens)
    {
        var i = 0;
        var otherStart = -1;
        while (i < run.Length)
        {
            var c = run[i];
            if (CharClasses.IsHan(c))
            {
                FlushOther(ref otherStart, i, offset, tokens);
                var j = i + 1;
                while (j < run.Length && CharClasses.IsHan(run[j])) j++;
                _hmm.Cut(run[i..j], offset + i, tokens);
                i = j;
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                FlushOther(ref otherStart, i, offset, tokens);
                var j = i + 1;
                while (j < run.Length && char.IsAsciiLetterOrDigit(run[j])) j++;
                if (j + 1 < run.Length && run[j] == '.' && char.IsAsciiDigit(run[j + 1]))
                {
                    j += 2;
                    while (j < run.Length && char.IsAsciiDigit(run[j])) j++;
                }
                if (j < run.Length && run[j] == '%') j++;
                tokens.Add(new Token(offset + i, j - i));
                i = j;
            }
            else
            {
                if (otherStart < 0) otherStart = i;
                i++;
            }
        }
        FlushOther(ref otherStart, run.Length, offset, tokens);
    }

    private static void FlushOther(ref int otherStart, int end, int offset, List<Token> tokens)
    {
        if (otherStart < 0) return;
        tokens.Add(new Token(offset + otherStart, end - otherStart));
        otherStart = -1;
    }
}
