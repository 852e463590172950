using System.Globalization;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Quality;

namespace Weishi.Bench.TextMining;

/// <summary>
/// How the pair model does on needs it was not trained on. Without --test: each development file in turn is left out,
/// a model is trained on the others (<see cref="PairModelTrainer"/>) and the whole duplicate detector with that model
/// scores the file left out. With --test: trained on all development files, scoring the files after --test.
/// </summary>
public static class PairStudyRun
{
    public static void Run(IReadOnlyList<string> arguments)
    {
        var split = arguments.ToList().IndexOf("--test");
        var devFiles = split < 0 ? arguments : [.. arguments.Take(split)];
        var testFiles = split < 0 ? [] : arguments.Skip(split + 1).ToList();
        var dev = devFiles.Select(Read).ToList();
        var runs = testFiles.Count > 0
            ? testFiles.Select(f => (Test: Read(f), Train: dev)).ToList()
            : dev.Select(d => (Test: d, Train: dev.Where(o => o != d).ToList())).ToList();
        int correct = 0, predicted = 0, truePairs = 0;
        foreach (var (test, train) in runs)
        {
            var model = new PairModelTrainer { TreeCount = int.Parse(Environment.GetEnvironmentVariable("TREES") ?? "60", CultureInfo.InvariantCulture), LearningRate = double.Parse(Environment.GetEnvironmentVariable("LR") ?? "0.25", CultureInfo.InvariantCulture) }.Train(train);
            var detector = new DuplicateDetector { Paraphrases = new ParaphraseLinker { Model = model } };
            var score = QualityMetrics.DuplicatePairs(test.Groups, detector.FindGroups(test.Texts.Cast<string?>().ToList()).GroupOf);
            (correct, predicted, truePairs) = (correct + score.Correct, predicted + score.PredictedPairs, truePairs + score.TruePairs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{test.Name,-18} precision {score.Precision:P1}, recall {score.Recall:P1} ({score.Correct} of {score.PredictedPairs} predicted, {score.TruePairs} labelled)"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pooled             precision {(double)correct / Math.Max(1, predicted):P1}, recall {(double)correct / truePairs:P1}"));
    }

    public static LabelledNeeds Read(string path)
    {
        var file = LabelledFile.Read(path);
        return new LabelledNeeds(Path.GetFileName(path), file.Texts, file.Groups);
    }
}
