namespace Weishi.TextMining.Classification;

/// <summary>A predicted category with the model's probability; <see cref="ByRule"/> when keyword rules decided.</summary>
public readonly record struct CategoryPrediction(string Category, double Confidence, bool ByRule = false)
{
    public bool IsOutOfScope => Category == Categories.OutOfScope;

    /// <summary>The model's three most probable categories (default when decided on empty text).</summary>
    public ClassProfile Profile { get; init; }
}
