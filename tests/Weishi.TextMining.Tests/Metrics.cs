namespace Weishi.TextMining.Tests;

internal static class Metrics
{
    public static (double Accuracy, double MacroF1, Dictionary<string, double> F1) Classification(
        IReadOnlyList<string> expected, IReadOnlyList<string> predicted, IEnumerable<string> classes)
    {
        var f1 = new Dictionary<string, double>();
        foreach (var c in classes)
        {
            var tp = expected.Zip(predicted).Count(p => p.First == c && p.Second == c);
            var fp = expected.Zip(predicted).Count(p => p.First != c && p.Second == c);
            var fn = expected.Zip(predicted).Count(p => p.First == c && p.Second != c);
            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            f1[c] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        var accuracy = (double)expected.Zip(predicted).Count(p => p.First == p.Second) / expected.Count;
        return (accuracy, f1.Values.Average(), f1);
    }

    /// <summary>Pairwise precision and recall of predicted duplicate groups against labelled ones.</summary>
    public static (double Precision, double Recall, int TruePairs, int PredictedPairs) DuplicatePairs(
        IReadOnlyList<string> labelled, IReadOnlyList<int> predictedGroup)
    {
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
        return (predictedPairs == 0 ? 1 : (double)correct / predictedPairs, truePairs == 0 ? 1 : (double)correct / truePairs, truePairs, predictedPairs);
    }
}
