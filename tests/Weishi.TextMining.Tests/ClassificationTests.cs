using Weishi.TextMining.Classification;
using Weishi.TextMining.Pipeline;

namespace Weishi.TextMining.Tests;

public sealed class ClassificationTests
{
    [Theory]
    [InlineData("长者饭堂的饭太硬，老人咬不动", Categories.Elderly)]
    [InlineData("老板欠了我两个月工资不给", Categories.OutOfScope)]
    [InlineData("楼下垃圾桶满了没人清理，臭死了", Categories.Environment)]
    [InlineData("孩子放学后没人接，想要四点半课堂", Categories.Children)]
    public void Clear_needs_get_their_category(string text, string expected)
    {
        var result = CategoryClassifier.Default.Classify(text);
        Assert.Equal(expected, result.Category);
        Assert.InRange(result.Confidence, 0, 1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("？？？")]
    [InlineData("😀😀")]
    [InlineData("Please fix the street light")]
    [InlineData("社區長者飯堂的飯菜太鹹")]
    public void Odd_input_gets_a_category_without_crashing(string text)
    {
        var result = CategoryClassifier.Default.Classify(text);
        Assert.Contains(result.Category, Categories.All);
    }

    [Fact]
    public void Retraining_with_corrections_changes_the_model_and_survives_a_round_trip()
    {
        const string text = "希望社区组织一次无人机编队表演";
        var corrections = Enumerable.Repeat(new LabelledText(text, Categories.Education), 5)
            .Append(new LabelledText("无人机编队表演知识课", Categories.Education));
        var model = CategoryClassifier.Retrain(corrections);
        var path = Path.Combine(Path.GetTempPath(), $"weishi-model-{Guid.NewGuid():N}.gz");
        try
        {
            model.Save(path);
            var loaded = new CategoryClassifier(CategoryModel.Load(path), Text.TextAnalyzer.Default);
            Assert.Equal(Categories.Education, loaded.Classify(text).Category);
            Assert.Equal(new CategoryClassifier(model, Text.TextAnalyzer.Default).Classify(text).Confidence, loaded.Classify(text).Confidence, 3);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Fails when training.tsv was edited without rebuilding Data/classifier.model.gz (see Data/README.md).</summary>
    [Fact]
    public void Shipped_model_is_the_one_the_training_set_builds()
    {
        var rebuilt = new CategoryClassifier(CategoryClassifier.Retrain(), Text.TextAnalyzer.Default);
        foreach (var (text, _, _) in TestData.LabelledNeeds().Take(60))
        {
            var shipped = CategoryClassifier.Default.Classify(text);
            var fresh = rebuilt.Classify(text);
            Assert.Equal(fresh.Category, shipped.Category);
            Assert.Equal(fresh.Confidence, shipped.Confidence, 3);
        }
    }

    [Fact]
    public void Pipeline_survives_bad_input()
    {
        string?[] texts = ["", null, "。。。", "😀", new string('路', 10_000), "Mixed English 和中文 text", "社區長者飯堂"];
        var result = MiningPipeline.Run(texts);
        Assert.Equal(texts.Length, result.Texts.Count);
        Assert.Equal(texts.Length, result.Topics.Sum(t => t.Size));
    }
}
