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
            var centroids = FitCompact(sample, k, maxIterations, seed).Centroids;
            var assignment = new int[vectors.Count];
            Parallel.For(0, vectors.Count, i => assignment[i] = Nearest(vectors[i], centroids, out _));
            return (assignment, centroids);
        }
        return FitCompact(vectors, k, maxIterations, seed);
    }

    /// <summary>
    /// Fits in the space of the feature dimensions these vectors use (numbered in the same order), then returns
    /// centroids in the full hashed space. A few thousand texts use a few thousand of the 262,144 dimensions: compact
    /// centroids stay in the processor's cache, where full ones made every dot product a series of cache misses. The
    /// renumbering keeps every sum in the same order, so the result is the same to the bit.
    /// </summary>
    private static (int[] Assignment, float[][] Centroids) FitCompact(IReadOnlyList<SparseVector> vectors, int k, int maxIterations, int seed)
    {
        var rank = new int[FeatureHasher.Dimension];
        foreach (var v in vectors) foreach (var d in v.Indices) rank[d] = 1;
        var used = new List<int>();
        for (var d = 0; d < rank.Length; d++) if (rank[d] != 0) { rank[d] = used.Count; used.Add(d); }
        var compact = vectors.Select(v => new SparseVector(Array.ConvertAll(v.Indices, d => rank[d]), v.Values)).ToArray();
        var (assignment, centroids) = FitBest(compact, Math.Max(1, used.Count), k, maxIterations, seed);
        var full = centroids.Select(c =>
        {
            var dense = new float[FeatureHasher.Dimension];
            for (var d = 0; d < used.Count; d++) dense[used[d]] = c[d];
            return dense;
        }).ToArray();
        return (assignment, full);
    }

    private static (int[] Assignment, float[][] Centroids) FitBest(IReadOnlyList<SparseVector> vectors, int dimension, int k, int maxIterations, int seed)
    {
        var restarts = vectors.Count <= 5_000 ? 5 : 1;
        (int[] Assignment, float[][] Centroids) best = default;
        var bestScore = double.MinValue;
        for (var r = 0; r < restarts; r++)
        {
            var run = RunOnce(vectors, dimension, k, maxIterations, seed + r);
            double score = 0;
            for (var i = 0; i < vectors.Count; i++) score += vectors[i].Dot(run.Centroids[run.Assignment[i]]);
            if (score > bestScore) (best, bestScore) = (run, score);
        }
        return best;
    }

    private static (int[] Assignment, float[][] Centroids) RunOnce(IReadOnlyList<SparseVector> vectors, int dimension, int k, int maxIterations, int seed)
    {
        var n = vectors.Count;
        var assignment = new int[n];
        var current = Seed(vectors, dimension, k, seed);
        var spare = new CentroidBuffer(current.Centroids.Length, dimension);
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var centroids = current.Centroids;
            var changed = 0;
            Parallel.For(0, n, () => 0, (i, state, local) =>
            {
                var best = Nearest(vectors[i], centroids, out _);
                if (best != assignment[i] || iteration == 0) local++;
                assignment[i] = best;
                return local;
            }, local => Interlocked.Add(ref changed, local));

            Recompute(vectors, assignment, current, spare);
            (current, spare) = (spare, current);
            if (iteration > 0 && changed <= n / 1000) break;
        }
        return (assignment, current.Centroids);
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

    private static CentroidBuffer Seed(IReadOnlyList<SparseVector> vectors, int dimension, int k, int seed)
    {
        var random = new Random(seed);
        var sample = Enumerable.Range(0, vectors.Count).Where(i => vectors[i].Count > 0).ToList();
        if (sample.Count > SeedSample) sample = [.. sample.OrderBy(_ => random.Next()).Take(SeedSample)];
        if (sample.Count == 0) sample = [0];
        var first = vectors[sample[random.Next(sample.Count)]];
        var centroids = new List<float[]> { Dense(first, dimension) };
        var touched = new List<List<int>> { new(first.Indices) };
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
            var picked = vectors[sample[pick]];
            centroids.Add(Dense(picked, dimension));
            touched.Add(new(picked.Indices));
        }
        var buffer = new CentroidBuffer(centroids.Count, dimension);
        for (var c = 0; c < centroids.Count; c++) (buffer.Centroids[c], buffer.Touched[c]) = (centroids[c], touched[c]);
        return buffer;
    }

    /// <summary>
    /// Dense centroids and, for each, the dimensions that may be non-zero. Two buffers are swapped between iterations,
    /// so an iteration clears and sums only the dimensions its vectors touch instead of allocating and scanning k
    /// dense arrays.
    /// </summary>
    private sealed class CentroidBuffer(int k, int dimension)
    {
        public float[][] Centroids { get; } = new float[k][];
        public List<int>[] Touched { get; } = new List<int>[k];

        public void Clear(int c)
        {
            if (Centroids[c] is null) (Centroids[c], Touched[c]) = (new float[dimension], []);
            foreach (var d in Touched[c]) Centroids[c][d] = 0;
            Touched[c].Clear();
        }
    }

    /// <summary>Writes the normalised mean direction of each cluster into <paramref name="next"/>; an empty cluster keeps its centroid.</summary>
    private static void Recompute(IReadOnlyList<SparseVector> vectors, int[] assignment, CentroidBuffer previous, CentroidBuffer next)
    {
        var k = previous.Centroids.Length;
        for (var c = 0; c < k; c++) next.Clear(c);
        var counts = new int[k];
        for (var i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            var c = assignment[i];
            var sum = next.Centroids[c];
            var touched = next.Touched[c];
            counts[c]++;
            for (var j = 0; j < v.Count; j++)
            {
                var d = v.Indices[j];
                if (sum[d] == 0) touched.Add(d);
                sum[d] += v.Values[j];
            }
        }
        for (var c = 0; c < k; c++)
        {
            var sum = next.Centroids[c];
            var touched = next.Touched[c];
            if (counts[c] == 0)
            {
                foreach (var d in previous.Touched[c]) sum[d] = previous.Centroids[c][d];
                touched.AddRange(previous.Touched[c]);
                continue;
            }
            // In ascending order, as a scan of the whole array would add them: the result is the same to the bit. A sum
            // that went back to zero was listed twice.
            touched.Sort();
            var unique = 0;
            for (var t = 0; t < touched.Count; t++) if (t == 0 || touched[t] != touched[t - 1]) touched[unique++] = touched[t];
            touched.RemoveRange(unique, touched.Count - unique);
            double norm = 0;
            foreach (var d in touched) norm += sum[d] * sum[d];
            if (norm <= 0) continue;
            var scale = (float)(1 / Math.Sqrt(norm));
            foreach (var d in touched) sum[d] *= scale;
        }
    }

    private static float[] Dense(SparseVector v, int dimension)
    {
        var dense = new float[dimension];
        for (var j = 0; j < v.Count; j++) dense[v.Indices[j]] = v.Values[j];
        return dense;
    }
}
