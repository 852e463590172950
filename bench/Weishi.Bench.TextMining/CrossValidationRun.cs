using Weishi.TextMining.Classification;
using Weishi.TextMining.Text;

namespace Weishi.Bench.TextMining;

/// <summary>k-fold cross-validation of the classifier on the training set: an estimate not tuned on the test set.</summary>
public static class CrossValidationRun
{
    public static void Run(int folds, ModelTrainer? trainer = null)
    {
        trainer ??= new ModelTrainer(TextAnalyzer.Default);
        var examples = LabelledText.BuiltInTrainingSet().ToArray();
        new Random(1).Shuffle(examples);
        var expected = new List<string>();
        var predicted = new List<string>();
        for (var fold = 0; fold < folds; fold++)
        {
            var train = examples.Where((_, i) => i % folds != fold);
            var model = trainer.Train(train);
            var classifier = new CategoryClassifier(model, TextAnalyzer.Default);
            foreach (var example in examples.Where((_, i) => i % folds == fold))
            {
                expected.Add(example.Category);
                predicted.Add(classifier.Classify(example.Text).Category);
            }
        }
        var f1 = Categories.All.Select(c =>
        {
            var tp = expected.Zip(predicted).Count(p => p.First == c && p.Second == c);
            var fp = expected.Zip(predicted).Count(p => p.First != c && p.Second == c);
            var fn = expected.Zip(predicted).Count(p => p.First == c && p.Second != c);
            return tp == 0 ? 0 : 2.0 * tp / ((2 * tp) + fp + fn);
        }).Average();
        var accuracy = (double)expected.Zip(predicted).Count(p => p.First == p.Second) / expected.Count;
        Console.WriteLine($"{folds}-fold cross-validation on {examples.Length} training examples: accuracy {accuracy:P1}, macro-F1 {f1:F3}");
    }
}
