using BenchmarkDotNet.Running;
using Weishi.Bench.TextMining;
using Weishi.TextMining.Classification;

// Verbs: build-model PATH | build-pair-model PATH DEV_TSV… | pair-study DEV_TSV… [--test TSV…] | feedback-study SEALED_TSV… --dev DEV_TSV… [--scratch WEIGHT] [--leave-one-out] | pipeline [COUNT] | agreement [COUNT] | cross-validate [FOLDS] | holdout TRAIN_COUNT | throughput [MB] | evaluate TSV [TRAIN_COUNT] | topics TSV… | dedup DEV_TSV [--details] | dedup-speed [COUNT] | dedup-sweep DEV_TSV… | annotators SET_TSV RELABEL_TSV… | explain TEXT… | anything else goes to BenchmarkDotNet.
switch (args.FirstOrDefault())
{
    case "build-model":
        var path = args.ElementAtOrDefault(1) ?? "src/Weishi.TextMining/Data/classifier.model.gz";
        CategoryClassifier.BuildShippedModel(path);
        Console.WriteLine($"model written to {Path.GetFullPath(path)}");
        break;
    case "dedup-speed":
        DedupSpeedRun.Run(int.Parse(args.ElementAtOrDefault(1) ?? "100000", System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "annotators":
        AnnotatorRun.Run(args[1..]);
        break;
    case "dedup-sweep":
        DedupSweepRun.Run(args[1..]);
        break;
    case "explain":
        foreach (var text in args[1..])
            Console.WriteLine(text + "\n  " + string.Join(" ", Weishi.TextMining.Dedup.NeedSignature.Explain(text, Weishi.TextMining.Text.TextAnalyzer.Default).Select(w => $"{w.Word}:{w.Weight:0.#}")));
        break;
    case "build-pair-model":
        var pairModel = new Weishi.TextMining.Dedup.PairModelTrainer().Train([.. args[2..].Select(PairStudyRun.Read)]);
        File.WriteAllText(args[1], pairModel.Save());
        Console.WriteLine($"pair model written to {Path.GetFullPath(args[1])}: {string.Join("; ", pairModel.TrainedOn)}");
        break;
    case "feedback-study":
        FeedbackStudyRun.Run(args[1..]);
        break;
    case "pair-study":
        PairStudyRun.Run(args[1..]);
        break;
    case "topics":
        TopicStudyRun.Run(args[1..]);
        break;
    case "dedup":
        DedupRun.Run(args[1], args.Contains("--details"));
        break;
    case "pipeline":
        PipelineRun.Run(int.Parse(args.ElementAtOrDefault(1) ?? "1000000", System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "cross-validate":
        var folds = int.Parse(args.ElementAtOrDefault(1) ?? "5", System.Globalization.CultureInfo.InvariantCulture);
        if (args.Length > 4)
        {
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            CrossValidationRun.Run(folds, new ModelTrainer(Weishi.TextMining.Text.TextAnalyzer.Default)
            {
                Epochs = int.Parse(args[2], inv),
                LearningRate = double.Parse(args[3], inv),
                L2 = double.Parse(args[4], inv),
            });
        }
        else
        {
            CrossValidationRun.Run(folds);
        }
        break;
    case "holdout":
        CrossValidationRun.HoldOut(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), args.Length > 4
            ? new ModelTrainer(Weishi.TextMining.Text.TextAnalyzer.Default)
            {
                Epochs = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture),
                LearningRate = double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture),
                L2 = double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture),
            }
            : null);
        break;
    case "evaluate":
        EvaluateRun.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : null);
        break;
    case "throughput":
        ThroughputRun.Run(int.Parse(args.ElementAtOrDefault(1) ?? "20", System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "agreement":
        AgreementRun.Run(int.Parse(args.ElementAtOrDefault(1) ?? "20000", System.Globalization.CultureInfo.InvariantCulture));
        break;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(SegmenterBenchmarks).Assembly).Run(args);
        break;
}
