namespace Weishi.TextMining.Features;

/// <summary>A sparse feature vector: ascending indices and their values.</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public static SparseVector Empty { get; } = new([], []);

    public int Count => Indices.Length;

    public float Dot(float[] dense)
    {
        ArgumentNullException.ThrowIfNull(dense);
        var sum = 0f;
        for (var i = 0; i < Indices.Length; i++) sum += dense[Indices[i]] * Values[i];
        return sum;
    }

    public double Dot(SparseVector other)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < Indices.Length && j < other.Indices.Length)
        {
            if (Indices[i] == other.Indices[j]) sum += Values[i++] * other.Values[j++];
            else if (Indices[i] < other.Indices[j]) i++;
            else j++;
        }
        return sum;
    }

    /// <summary>Builds an L2-normalised vector from accumulated index → weight pairs.</summary>
    public static SparseVector FromWeights(Dictionary<int, float> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count == 0) return Empty;
        var indices = weights.Keys.ToArray();
        Array.Sort(indices);
        var values = new float[indices.Length];
        double norm = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            values[i] = weights[indices[i]];
            norm += values[i] * values[i];
        }
        var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
        for (var i = 0; i < values.Length; i++) values[i] *= scale;
        return new SparseVector(indices, values);
    }
}
