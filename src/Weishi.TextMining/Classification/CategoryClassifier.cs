using Weishi.TextMining.Features;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Classification;

/// <summary>
/// Classifies a need into a category with a confidence. Uses the shipped pre-trained model
/// (Data/classifier.model.gz, built from Data/training.tsv); below <see cref="RuleThreshold"/>
/// keyword rules decide when one matches.
/// </summary>
public sealed class CategoryClassifier(CategoryModel model, TextAnalyzer analyzer)
{
    public const double RuleThreshold = 0.35;
    internal const string ShippedModelResource = "classifier.model.gz";

    private static readonly Lazy<CategoryClassifier> LazyDefault = new(LoadDefault);

    public static CategoryClassifier Default => LazyDefault.Value;

    public CategoryModel Model { get; } = model;

    /// <summary>Trains a model on the built-in training set plus staff corrections, deterministically.</summary>
    public static CategoryModel Retrain(IEnumerable<LabelledText>? extraExamples = null, TextAnalyzer? analyzer = null) =>
        new ModelTrainer(analyzer ?? TextAnalyzer.Default).Train(LabelledText.BuiltInTrainingSet().Concat(extraExamples ?? []));

    /// <summary>Builds the model file shipped with the library (used by the bench CLI's build-model verb).</summary>
    public static void BuildShippedModel(string outputPath) => Retrain().Save(outputPath);

    public CategoryPrediction Classify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new CategoryPrediction(Categories.OutOfScope, 0, ByRule: true);
        var terms = new List<Token>();
        analyzer.CollectTerms(text, terms);
        return Classify(text, terms);
    }

    /// <summary>Classification from already collected content terms (the pipeline segments once).</summary>
    internal CategoryPrediction Classify(string text, List<Token> terms)
    {
        var features = FeatureHasher.ForClassification(text, terms);
        Span<double> probabilities = stackalloc double[Model.Classes.Count];
        Model.Predict(features, probabilities);
        var best = 0;
        for (var k = 1; k < probabilities.Length; k++)
            if (probabilities[k] > probabilities[best]) best = k;
        var profile = ClassProfile.Of(probabilities);
        if (probabilities[best] >= RuleThreshold) return new CategoryPrediction(Model.Classes[best], probabilities[best]) { Profile = profile };

        var byRule = KeywordRules.Match(text);
        if (byRule is null) return new CategoryPrediction(Model.Classes[best], probabilities[best]) { Profile = profile };
        var ruleIndex = Model.Classes.ToList().IndexOf(byRule);
        return new CategoryPrediction(byRule, Math.Max(probabilities[ruleIndex], RuleThreshold), ByRule: true) { Profile = profile };
    }

    private static CategoryClassifier LoadDefault()
    {
        if (!EmbeddedResources.Exists(ShippedModelResource)) return new CategoryClassifier(Retrain(), TextAnalyzer.Default);
        using var stream = typeof(CategoryClassifier).Assembly.GetManifestResourceStream("Weishi.TextMining." + ShippedModelResource)!;
        return new CategoryClassifier(CategoryModel.Load(stream), TextAnalyzer.Default);
    }
}
