using System.Text.Json;

namespace Weishi.TextMining.Segmentation;

/// <summary>
/// jieba's BMES hidden Markov model for words missing from the dictionary, with the same
/// floating-point operations and tie-breaking as jieba.NET's Viterbi so results agree exactly.
/// </summary>
internal sealed class HmmModel
{
    private const int B = 0, M = 1, E = 2, S = 3;
    private const double MinProbability = -3.14e100;
    private static readonly double[] StartProbability = [-0.26268660809250016, -3.14e+100, -3.14e+100, -1.4652633398537678];
    private static readonly int[][] PreviousStates = [[E, S], [M, B], [B, M], [S, E]];

    private readonly double[][] _emit = new double[4][];
    private readonly double[,] _transition = new double[4, 4];

    [ThreadStatic] private static double[]? t_scores;
    [ThreadStatic] private static byte[]? t_back;

    public HmmModel()
    {
        using (var emit = JsonDocument.Parse(EmbeddedResources.ReadAll("prob_emit.json")))
        {
            for (var s = 0; s < 4; s++)
            {
                var table = new double[char.MaxValue + 1];
                Array.Fill(table, MinProbability);
                foreach (var entry in emit.RootElement.GetProperty(StateName(s)).EnumerateObject())
                    table[entry.Name[0]] = entry.Value.GetDouble();
                _emit[s] = table;
            }
        }

        using var trans = JsonDocument.Parse(EmbeddedResources.ReadAll("prob_trans.json"));
        for (var from = 0; from < 4; from++)
        {
            for (var to = 0; to < 4; to++)
            {
                _transition[from, to] = trans.RootElement.GetProperty(StateName(from)).TryGetProperty(StateName(to), out var p)
                    ? p.GetDouble()
                    : MinProbability;
            }
        }
    }

    /// <summary>Splits a run of Han characters into words, appending tokens offset by <paramref name="offset"/>.</summary>
    public void Cut(ReadOnlySpan<char> text, int offset, List<Token> tokens)
    {
        var n = text.Length;
        var scores = t_scores is { } s0 && s0.Length >= n * 4 ? s0 : t_scores = new double[Math.Max(n * 4, 256)];
        var back = t_back is { } b0 && b0.Length >= n * 4 ? b0 : t_back = new byte[Math.Max(n * 4, 256)];

        for (var s = 0; s < 4; s++) scores[s] = StartProbability[s] + _emit[s][text[0]];
        for (var i = 1; i < n; i++)
        {
            var c = text[i];
            for (var y = 0; y < 4; y++)
            {
                var emission = _emit[y][c];
                var bestScore = double.MinValue;
                var bestPrevious = 0;
                foreach (var y0 in PreviousStates[y])
                {
                    var score = scores[((i - 1) * 4) + y0] + _transition[y0, y] + emission;
                    if (bestScore <= score) (bestScore, bestPrevious) = (score, y0);
                }
                scores[(i * 4) + y] = bestScore;
                back[(i * 4) + y] = (byte)bestPrevious;
            }
        }

        var last = (n - 1) * 4;
        var state = scores[last + E] < scores[last + S] ? S : E;
        Span<byte> states = n <= 512 ? stackalloc byte[n] : new byte[n];
        for (var i = n - 1; i >= 0; i--)
        {
            states[i] = (byte)state;
            state = back[(i * 4) + state];
        }

        int begin = 0, next = 0;
        for (var i = 0; i < n; i++)
        {
            switch (states[i])
            {
                case B:
                    begin = i;
                    break;
                case E:
                    tokens.Add(new Token(offset + begin, i + 1 - begin));
                    next = i + 1;
                    break;
                case S:
                    tokens.Add(new Token(offset + i, 1));
                    next = i + 1;
                    break;
                default:
                    break;
            }
        }
        if (next < n) tokens.Add(new Token(offset + next, n - next));
    }

    private static string StateName(int state) => state switch { B => "B", M => "M", E => "E", _ => "S" };
}
