using System.Globalization;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Features;
using Weishi.TextMining.Quality;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Study of a learned pair scorer (logistic regression over the engine's similarity, place relation, character and
/// bigram IDF cosines, the classifier's probability vectors, facet conflicts), against the shipped engine: leave one
/// development file out, or train on the development files and score the files after --test. Features kept by KEEP
/// (default 35), dropped by DROP (indices, comma-separated). Not used by the engine (bench/textmining.md §4).
/// </summary>
public static class PairStudyRun
{
    private sealed record Need(string Text, NeedSignature Signature, uint[] Shingles, double[] Probs, Dictionary<char, double> Chars, Dictionary<uint, double> Bigrams);

    private sealed record FileData(string Name, List<string> Labels, List<Need> Needs, DuplicateGroups Baseline, List<(int I, int J, double[] X, bool Y)> Pairs);

    public static void Run(IReadOnlyList<string> arguments)
    {
        var split = arguments.ToList().IndexOf("--test");
        var files = split < 0 ? arguments : arguments.Take(split).ToList();
        var tests = split < 0 ? [] : arguments.Skip(split + 1).ToList();
        var analyzer = TextAnalyzer.Default;
        var classifier = CategoryClassifier.Default;
        var training = LabelledText.BuiltInTrainingSet().Select(t => t.Text).ToList();
        var charDf = new Dictionary<char, int>();
        var bigramDf = new Dictionary<uint, int>();
        foreach (var t in training)
        {
            foreach (var c in t.Where(IsHan).Distinct()) charDf[c] = charDf.GetValueOrDefault(c) + 1;
            foreach (var b in Shingles.Of(t)) bigramDf[b] = bigramDf.GetValueOrDefault(b) + 1;
        }
        double n = training.Count;
        double CharIdf(char c) => Math.Log((n + 1) / (charDf.GetValueOrDefault(c) + 1));
        double BigramIdf(uint b) => Math.Log((n + 1) / (bigramDf.GetValueOrDefault(b) + 1));

        var data = new List<FileData>();
        foreach (var f in files.Concat(tests))
        {
            var file = LabelledFile.Read(f);
            var detector = new DuplicateDetector();
            var signatures = detector.Signatures(file.Texts);
            var shingles = file.Texts.Select(t => Shingles.Of(t)).ToList();
            var baseline = detector.FindGroups(shingles, signatures);
            var needs = new List<Need>();
            for (var i = 0; i < file.Texts.Count; i++)
            {
                var text = file.Texts[i];
                var terms = new List<Token>();
                analyzer.CollectTerms(text, terms);
                var probs = new double[classifier.Model.Classes.Count];
                classifier.Model.Predict(FeatureHasher.ForClassification(text, terms), probs);
                var chars = text.Where(IsHan).Distinct().ToDictionary(c => c, CharIdf);
                var bigrams = shingles[i].ToDictionary(b => b, BigramIdf);
                needs.Add(new Need(text, signatures[i], shingles[i], probs, chars, bigrams));
            }
            var pairs = new List<(int, int, double[], bool)>();
            for (var i = 0; i < needs.Count; i++)
                for (var j = i + 1; j < needs.Count; j++)
                {
                    if (Features(needs[i], needs[j]) is not { } x) continue;
                    var y = file.Groups[i].Length > 0 && file.Groups[i] == file.Groups[j];
                    pairs.Add((i, j, x, y));
                }
            data.Add(new FileData(Path.GetFileNameWithoutExtension(f), file.Groups, needs, baseline, pairs));
            Console.WriteLine($"{Path.GetFileName(f)}: {pairs.Count} pairs, {pairs.Count(p => p.Item4)} true; labelled {QualityMetrics.DuplicatePairs(file.Groups, baseline.GroupOf).TruePairs}");
        }

        if (tests.Count > 0)
        {
            var testData = data.Skip(files.Count).ToList();
            var weights = Train(data.Take(files.Count).SelectMany(d => d.Pairs).ToList());
            int c = 0, p = 0, t = 0, bc = 0, bp = 0, bt = 0;
            foreach (var test in testData)
            {
                var groups = Group(test.Needs.Count, test.Pairs.Select(q => (q.I, q.J, Predict(weights, q.X))).ToList(), 0.4, 0.3);
                var s = QualityMetrics.DuplicatePairs(test.Labels, groups);
                var b = QualityMetrics.DuplicatePairs(test.Labels, test.Baseline.GroupOf);
                (c, p, t) = (c + s.Correct, p + s.PredictedPairs, t + s.TruePairs);
                (bc, bp, bt) = (bc + b.Correct, bp + b.PredictedPairs, bt + b.TruePairs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{test.Name}: pair model {s.Precision:P1}/{s.Recall:P1}   engine {b.Precision:P1}/{b.Recall:P1}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pooled: pair model {(double)c / p:P1}/{(double)c / t:P1}   engine {(double)bc / bp:P1}/{(double)bc / bt:P1}"));
            return;
        }
        foreach (var threshold in new[] { 0.35, 0.4, 0.5 })
        foreach (var link in new[] { 0.2, 0.3 })
        {
            int bc = 0, bp = 0, bt = 0, c = 0, p = 0, t = 0;
            var line = "";
            for (var k = 0; k < data.Count; k++)
            {
                var train = data.Where((_, m) => m != k).SelectMany(d => d.Pairs).ToList();
                var w = Train(train);
                var test = data[k];
                var groups = Group(test.Needs.Count, test.Pairs.Select(q => (q.I, q.J, Predict(w, q.X))).ToList(), threshold, link);
                var s = QualityMetrics.DuplicatePairs(test.Labels, groups);
                var b = QualityMetrics.DuplicatePairs(test.Labels, test.Baseline.GroupOf);
                (c, p, t) = (c + s.Correct, p + s.PredictedPairs, t + s.TruePairs);
                (bc, bp, bt) = (bc + b.Correct, bp + b.PredictedPairs, bt + b.TruePairs);
                line += string.Create(CultureInfo.InvariantCulture, $"\n   {test.Name,-14} model {s.Precision:P0}/{s.Recall:P0}   engine {b.Precision:P0}/{b.Recall:P0}");
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"threshold {threshold} link {link}: pooled model {(double)c / p:P1}/{(double)c / t:P1}  engine {(double)bc / bp:P1}/{(double)bc / bt:P1}{line}"));
        }
        var all = Train(data.SelectMany(d => d.Pairs).ToList());
        Console.WriteLine("weights (all files): " + string.Join(" ", all.Select(v => v.ToString("0.###", CultureInfo.InvariantCulture))));
    }

    private static bool IsHan(char c) => c >= '\u4e00' && c <= '\u9fff';

    private static double[]? Features(Need a, Need b)
    {
        var (sa, sb) = (a.Signature, b.Signature);
        var (pa, pb) = (sa.Mentions.Length > 0, sb.Mentions.Length > 0);
        if (pa && pb && !PlaceNames.Compatible(sa.Mentions, sb.Mentions)) return null;
        var sim = NeedSignature.Similarity(sa, sb);
        var overlap = NeedSignature.Overlap(sa, sb);
        var jac = Shingles.Jaccard(a.Shingles, b.Shingles);
        var charCos = Cosine(a.Chars, b.Chars);
        var bigramCos = Cosine(a.Bigrams, b.Bigrams);
        if (overlap == 0 && jac < 0.05 && charCos < 0.2) return null;
        var probDot = a.Probs.Zip(b.Probs, (x, y) => x * y).Sum() / Math.Sqrt(a.Probs.Sum(x => x * x) * b.Probs.Sum(x => x * x));
        var shared = pa && pb ? 1.0 : 0;
        var one = pa ^ pb ? 1.0 : 0;
        var none = !pa && !pb ? 1.0 : 0;
        var target = sa.Targets != 0 && sb.Targets != 0 && (sa.Targets & sb.Targets) == 0 ? 1.0 : 0;
        var aspect = sa.Aspects != 0 && sb.Aspects != 0 && (sa.Aspects & sb.Aspects) == 0 ? 1.0 : 0;
        var sameCat = sa.Category == sb.Category ? 1.0 : 0;
        var lenRatio = Math.Log((double)Math.Max(a.Text.Length, b.Text.Length) / Math.Max(1, Math.Min(a.Text.Length, b.Text.Length)));
        var (sharedMass, sharedCount) = SharedOf(sa, sb);
        var coverSmall = sharedMass / Math.Max(1e-6, Math.Min(sa.Mass, sb.Mass));
        var coverLarge = sharedMass / Math.Max(1e-6, Math.Max(sa.Mass, sb.Mass));
        double[] all = [1, sim, overlap, sim * sim, shared, one, none, sim * shared, sim * one, sim * none, jac, charCos, bigramCos, bigramCos * shared,
            charCos * shared, probDot, target, aspect, sameCat, lenRatio, overlap * shared, overlap * none,
            charCos * charCos, bigramCos * bigramCos, sim * charCos, sim * probDot, charCos * one, charCos * none, probDot * shared, jac * jac,
            coverSmall, coverLarge, coverSmall * coverLarge, Math.Min(3, sharedCount), sharedCount == 1 ? 1 : 0];
        var drop = (Environment.GetEnvironmentVariable("DROP") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
        var keep = int.Parse(Environment.GetEnvironmentVariable("KEEP") ?? "35");
        return [.. all.Take(keep).Where((_, k) => !drop.Contains(k))];
    }

    private static (double Mass, int Count) SharedOf(NeedSignature a, NeedSignature b)
    {
        double shared = 0;
        var count = 0;
        int i = 0, j = 0;
        while (i < a.Features.Length && j < b.Features.Length)
        {
            if (a.Features[i] == b.Features[j])
            {
                shared += Math.Min(a.Weights[i], b.Weights[j]);
                if (Math.Min(a.Weights[i], b.Weights[j]) >= 4) count++;
                i++;
                j++;
            }
            else if (a.Features[i] < b.Features[j]) i++;
            else j++;
        }
        return (shared, count);
    }

    private static double Cosine<T>(Dictionary<T, double> a, Dictionary<T, double> b) where T : notnull
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (k, v) in a)
        {
            na += v * v;
            if (b.TryGetValue(k, out var u)) dot += v * u;
        }
        foreach (var v in b.Values) nb += v * v;
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    private static double Predict(double[] w, double[] x)
    {
        double z = 0;
        for (var k = 0; k < w.Length; k++) z += w[k] * x[k];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>L2-regularised logistic regression by Newton's method.</summary>
    private static double[] Train(List<(int I, int J, double[] X, bool Y)> pairs)
    {
        var d = pairs[0].X.Length;
        var w = new double[d];
        const double lambda = 1.0;
        for (var iter = 0; iter < 25; iter++)
        {
            var g = new double[d];
            var h = new double[d, d];
            foreach (var (_, _, x, y) in pairs)
            {
                var p = Predict(w, x);
                var r = p - (y ? 1 : 0);
                var s = Math.Max(p * (1 - p), 1e-9);
                for (var a = 0; a < d; a++)
                {
                    g[a] += r * x[a];
                    for (var b = a; b < d; b++) h[a, b] += s * x[a] * x[b];
                }
            }
            for (var a = 0; a < d; a++)
            {
                g[a] += lambda * w[a];
                h[a, a] += lambda;
                for (var b = 0; b < a; b++) h[a, b] = h[b, a];
            }
            var step = Solve(h, g);
            for (var a = 0; a < d; a++) w[a] -= step[a];
            if (step.Sum(Math.Abs) < 1e-6) break;
        }
        return w;
    }

    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++) if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) pivot = r;
            for (var k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            (x[col], x[pivot]) = (x[pivot], x[col]);
            for (var r = 0; r < n; r++)
            {
                if (r == col) continue;
                var f = m[r, col] / m[col, col];
                for (var k = col; k < n; k++) m[r, k] -= f * m[col, k];
                x[r] -= f * x[col];
            }
        }
        for (var k = 0; k < n; k++) x[k] /= m[k, k];
        return x;
    }

    /// <summary>Links pairs from the most probable down; two groups merge only when every cross pair is at least <paramref name="link"/>.</summary>
    private static int[] Group(int count, List<(int I, int J, double P)> scored, double threshold, double link)
    {
        var p = new Dictionary<(int, int), double>();
        foreach (var (i, j, q) in scored) p[(i, j)] = q;
        double P(int x, int y) => p.GetValueOrDefault(x < y ? (x, y) : (y, x));
        var groupOf = Enumerable.Range(0, count).ToArray();
        var members = Enumerable.Range(0, count).Select(i => new List<int> { i }).ToArray();
        foreach (var (i, j, q) in scored.Where(s => s.P >= threshold).OrderByDescending(s => s.P))
        {
            var (gi, gj) = (groupOf[i], groupOf[j]);
            if (gi == gj) continue;
            if (members[gi].Any(x => members[gj].Any(y => P(x, y) < link))) continue;
            foreach (var y in members[gj]) groupOf[y] = gi;
            members[gi].AddRange(members[gj]);
            members[gj].Clear();
        }
        var result = new int[count];
        for (var i = 0; i < count; i++) result[i] = members[groupOf[i]].Count > 1 ? groupOf[i] : -1;
        return result;
    }
}
