namespace Weishi.TextMining.Quality;

/// <summary>Classification accuracy and F1 per category over labelled needs.</summary>
public sealed record ClassificationScore(double Accuracy, double MacroF1, IReadOnlyDictionary<string, double> F1);

/// <summary>Pairwise duplicate precision and recall: pairs put in one group against pairs labelled as one need.</summary>
public sealed record DuplicateScore(double Precision, double Recall, int Correct, int PredictedPairs, int TruePairs);

/// <summary>How the engine is measured on labelled needs — one definition for the tests and the bench.</summary>
public static class QualityMetrics
{
    public static ClassificationScore Classification(IReadOnlyList<string> expected, IReadOnlyList<string> predicted, IEnumerable<string> classes)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(classes);
        var pairs = expected.Zip(predicted).ToList();
        var f1 = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in classes)
        {
            var tp = pairs.Count(p => p.First == c && p.Second == c);
            var fp = pairs.Count(p => p.First != c && p.Second == c);
            var fn = pairs.Count(p => p.First == c && p.Second != c);
            f1[c] = tp == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn);
        }
        return new ClassificationScore((double)pairs.Count(p => p.First == p.Second) / pairs.Count, f1.Values.Average(), f1);
    }

    /// <summary>Against dup_group labels (empty: no group) and the detector's group of each need (-1: none).</summary>
    public static DuplicateScore DuplicatePairs(IReadOnlyList<string> labelled, IReadOnlyList<int> predictedGroup)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(predictedGroup);
        int truePairs = 0, predictedPairs = 0, correct = 0;
        for (var i = 0; i < labelled.Count; i++)
        {
            for (var j = i + 1; j < labelled.Count; j++)
            {
                var isTrue = labelled[i].Length > 0 && labelled[i] == labelled[j];
                var isPredicted = predictedGroup[i] >= 0 && predictedGroup[i] == predictedGroup[j];
                if (isTrue) truePairs++;
                if (isPredicted) predictedPairs++;
                if (isTrue && isPredicted) correct++;
            }
        }
        return new DuplicateScore(
            predictedPairs == 0 ? 1 : (double)correct / predictedPairs, truePairs == 0 ? 1 : (double)correct / truePairs, correct, predictedPairs, truePairs);
    }
}
