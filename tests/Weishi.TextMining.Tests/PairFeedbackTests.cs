using Weishi.TextMining.Dedup;
using Weishi.TextMining.Pipeline;

namespace Weishi.TextMining.Tests;

/// <summary>Retraining the pair model on staff decisions (合并 / 不是重复) and the hooks the web app uses.</summary>
public sealed class PairFeedbackTests
{
    // From the sealed set v13 (never trained on): the shipped model links two lanes; its author keeps them apart.
    private static readonly LabelledPair TwoLanes = new("江岭村二巷夜晚冇灯，行路好惊", "江岭村三巷一直没有路灯，希望新装几盏", false);

    // From the sealed set v15: one course the shipped model does not link.
    private static readonly LabelledPair OneQuestion = new("小朋友想学编程，社区能否组织免费的机器人编程课？", "希望社区开少儿编程兴趣班", true);

    private static readonly string[] Tails = ["", "。", "！", "，谢谢", "，麻烦了", "，急", "。。", "！！", "，拜托", "，盼复"];

    /// <summary>Both decisions, each given 20 times with small variants, in one list: neither can be a mere shift of all pairs.</summary>
    private static readonly Lazy<PairModel> Retrained = new(() => PairModelTrainer.Retrain([.. Variants(TwoLanes), .. Variants(OneQuestion)]));

    private static IEnumerable<LabelledPair> Variants(LabelledPair pair) =>
        Tails.SelectMany(tail => new[] { pair with { TextA = pair.TextA + tail }, pair with { TextB = pair.TextB + tail } });

    [Fact]
    public void Staff_saying_two_linked_needs_are_not_one_unlinks_them()
    {
        Assert.True(Probability(PairModel.Default, TwoLanes) >= ParaphraseLinker.LinkThreshold);
        Assert.True(Grouped(PairModel.Default, TwoLanes));
        Assert.True(Probability(Retrained.Value, TwoLanes) < ParaphraseLinker.LinkThreshold, $"{Probability(Retrained.Value, TwoLanes):F3}");
        Assert.False(Grouped(Retrained.Value, TwoLanes));
    }

    [Fact]
    public void Staff_merging_two_needs_the_model_missed_links_them()
    {
        Assert.True(Probability(PairModel.Default, OneQuestion) < ParaphraseLinker.LinkThreshold);
        Assert.False(Grouped(PairModel.Default, OneQuestion));
        Assert.True(Probability(Retrained.Value, OneQuestion) >= ParaphraseLinker.LinkThreshold, $"{Probability(Retrained.Value, OneQuestion):F3}");
        Assert.True(Grouped(Retrained.Value, OneQuestion));
    }

    [Fact]
    public void Retraining_is_deterministic_saves_and_reads_back_and_names_the_decisions()
    {
        LabelledPair[] decisions = [TwoLanes, OneQuestion, OneQuestion with { TextA = OneQuestion.TextA + "。" }];
        var model = PairModelTrainer.Retrain(decisions);
        var saved = model.Save();
        Assert.Equal(saved, PairModelTrainer.Retrain(decisions).Save());
        Assert.NotEqual(PairModel.Default.Save(), saved);
        var again = PairModel.Parse(saved);
        Assert.Equal(saved, again.Save());
        Assert.Equal(PairModelTrainer.Probabilities(model, decisions), PairModelTrainer.Probabilities(again, decisions));
        Assert.Equal(PairModel.Default.TrainedOn, again.TrainedOn.Take(PairModel.Default.TrainedOn.Count));
        Assert.Contains("staff decisions: 3 pairs, 2 duplicates", again.TrainedOn[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_pair_naming_two_different_places_has_no_probability()
    {
        LabelledPair[] pairs = [new("翠湖花园蚊子特别多，希望消杀", "金域华府蚊子特别多，希望消杀", false), TwoLanes];
        var probabilities = PairModelTrainer.Probabilities(PairModel.Default, pairs);
        Assert.Null(probabilities[0]);
        Assert.NotNull(probabilities[1]);
    }

    [Fact]
    public void The_mining_pipeline_uses_the_pair_model_it_is_given()
    {
        string[] texts = [OneQuestion.TextA, "丽景城小区绿化带蚊子特别多，晚上下楼散步被咬得满腿包，希望搞一次消杀。", "请社区到丽景城喷点灭蚊药吧，花坛草丛里蚊子多得吓人，我家小孩被咬得全身是包。"];
        Assert.NotEmpty(MiningPipeline.Default.Mine(texts).Duplicates.Groups);
        var never = PairModel.Parse($"weishi-pair-model 1\nfeatures {string.Join(' ', PairFeatures.Names)}\ntree 1\n-1 0 0 0 -50\n");
        Assert.Empty(MiningPipeline.Default.Mine(texts, new MiningOptions { PairModel = never }).Duplicates.Groups);
    }

    [Fact]
    public void Retraining_needs_at_least_one_decision()
    {
        Assert.Throws<ArgumentException>(() => PairModelTrainer.Retrain([]));
    }

    private static double Probability(PairModel model, LabelledPair pair) => PairModelTrainer.Probabilities(model, [pair])[0]!.Value;

    private static bool Grouped(PairModel model, LabelledPair pair)
    {
        var groups = new DuplicateDetector { Paraphrases = new ParaphraseLinker { Model = model } }.FindGroups([pair.TextA, pair.TextB]).GroupOf;
        return groups[0] >= 0 && groups[0] == groups[1];
    }
}
