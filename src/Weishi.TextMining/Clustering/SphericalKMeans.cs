using Weishi.TextMining.Features;

namespace Weishi.TextMining.Clustering;

/// <summary>
/// Spherical k-means (cosine) over L2-normalised sparse vectors with k-means++ seeding on a sample.
/// Dense centroids make each assignment a sparse-dense dot product, so an iteration is O(N·nnz·k).
/// </summary>
internal static class SphericalKMeans
{
    private const int SeedSample = 5000;

    /// <summary>Above this many vectors centroids are fitted on a random sample and everything is assigned once.</summary>
    private const int FitSample = 40_000;

    /// <summary>Best of several seeded runs for small inputs (k-means++ can land in a poor local optimum).</summary>
    public static (int[] Assignment, float[][] Centroids) Run(IReadOnlyList<SparseVector> vectors, int k, int maxIterations, int seed)
    {
        if (vectors.Count > FitSample)
        {
            var random = new Random(seed);
            var sample = Enumerable.Range(0, vectors.Count).OrderBy(_ => random.Next()).Take(FitSample).Select(i => vectors[i]).ToArray();
            var centroids = FitBest(sample, k, maxIterations, seed).Centroids;
            var assignment = new int[vectors.Count];
            Parallel.For(0, vectors.Count, i => assignment[i] = Nearest(vectors[i], centroids, out _));
            return (assignment, centroids);
        }
        return FitBest(vectors, k, maxIterations, seed);
    }

    private static (int[] Assignment, float[][] Centroids) FitBest(IReadOnlyList<SparseVector> vectors, int k, int maxIterations, int seed)
    {
        var restarts = vectors.Count <= 5_000 ? 5 : 1;
        (int[] Assignment, float[][] Centroids) best = default;
        var bestScore = double.MinValue;
        for (var r = 0; r < restarts; r++)
        {
            var run = RunOnce(vectors, k, maxIterations, seed + r);
            double score = 0;
            for (var i = 0; i < vectors.Count; i++) score += vectors[i].Dot(run.Centroids[run.Assignment[i]]);
            if (score > bestScore) (best, bestScore) = (run, score);
        }
        return best;
    }

    private static (int[] Assignment, float[][] Centroids) RunOnce(IReadOnlyList<SparseVector> vectors, int k, int maxIterations, int seed)
    {
        var n = vectors.Count;
        var assignment = new int[n];
        var centroids = Seed(vectors, k, seed);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = 0;
            Parallel.For(0, n, () => 0, (i, state, local) =>
            {
                var best = Nearest(vectors[i], centroids, out _);
                if (best != assignment[i] || iteration == 0) local++;
                assignment[i] = best;
                return local;
            }, local => Interlocked.Add(ref changed, local));

            centroids = Recompute(vectors, assignment, centroids);
            if (iteration > 0 && changed <= n / 1000) break;
        }
        return (assignment, centroids);
    }

    public static int Nearest(SparseVector v, float[][] centroids, out float similarity)
    {
        var best = 0;
        similarity = float.MinValue;
        for (var c = 0; c < centroids.Length; c++)
        {
            var s = v.Dot(centroids[c]);
            if (s > similarity) (similarity, best) = (s, c);
        }
        return best;
    }

    private static float[][] Seed(IReadOnlyList<SparseVector> vectors, int k, int seed)
    {
        var random = new Random(seed);
        var sample = Enumerable.Range(0, vectors.Count).Where(i => vectors[i].Count > 0).ToList();
        if (sample.Count > SeedSample) sample = [.. sample.OrderBy(_ => random.Next()).Take(SeedSample)];
        if (sample.Count == 0) sample = [0];
        var centroids = new List<float[]> { Dense(vectors[sample[random.Next(sample.Count)]]) };
        var distance = new double[sample.Count];
        while (centroids.Count < k)
        {
            double total = 0;
            for (var s = 0; s < sample.Count; s++)
            {
                var v = vectors[sample[s]];
                var nearest = centroids.Max(c => v.Dot(c));
                distance[s] = Math.Max(0, 1 - nearest);
                total += distance[s];
            }
            if (total <= 0) break;
            var target = random.NextDouble() * total;
            var pick = 0;
            for (var acc = distance[0]; acc < target && pick < sample.Count - 1; acc += distance[++pick]) { }
            centroids.Add(Dense(vectors[sample[pick]]));
        }
        return [.. centroids];
    }

    private static float[][] Recompute(IReadOnlyList<SparseVector> vectors, int[] assignment, float[][] previous)
    {
        var k = previous.Length;
        var sums = new float[k][];
        for (var c = 0; c < k; c++) sums[c] = new float[FeatureHasher.Dimension];
        var counts = new int[k];
        for (var i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            var sum = sums[assignment[i]];
            counts[assignment[i]]++;
            for (var j = 0; j < v.Count; j++) sum[v.Indices[j]] += v.Values[j];
        }
        for (var c = 0; c < k; c++)
        {
            if (counts[c] == 0)
            {
                sums[c] = previous[c];
                continue;
            }
            double norm = 0;
            foreach (var x in sums[c]) norm += x * x;
            if (norm <= 0) continue;
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var d = 0; d < sums[c].Length; d++) sums[c][d] *= scale;
        }
        return sums;
    }

    private static float[] Dense(SparseVector v)
    {
        var dense = new float[FeatureHasher.Dimension];
        for (var j = 0; j < v.Count; j++) dense[v.Indices[j]] = v.Values[j];
        return dense;
    }
}
