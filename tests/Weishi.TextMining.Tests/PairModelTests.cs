using Weishi.TextMining.Classification;
using Weishi.TextMining.Dedup;

namespace Weishi.TextMining.Tests;

/// <summary>The paraphrase stage's learned pair model (Data/pairs.model) and what it is built from.</summary>
public sealed class PairModelTests
{
    [Fact]
    public void The_shipped_pair_model_is_the_one_the_labelled_sets_train()
    {
        // The model's header names the sets it was trained on; training again on them must give the same trees, so a
        // change to the concept table, the place rules or a set that is not followed by build-pair-model fails here.
        var shipped = PairModel.Default;
        var sets = shipped.TrainedOn.Select(line => line[..line.IndexOf(':', StringComparison.Ordinal)]).Select(file =>
        {
            var needs = TestData.LabelledNeeds(file);
            return new LabelledNeeds(file, [.. needs.Select(n => n.Text)], [.. needs.Select(n => n.DupGroup)]);
        }).ToList();
        Assert.True(sets.Count >= 13);
        Assert.Equal(shipped.Save(), new PairModelTrainer().Train(sets).Save());
    }

    [Fact]
    public void A_saved_model_reads_back_to_the_same_probabilities()
    {
        var shipped = PairModel.Default;
        var again = PairModel.Parse(shipped.Save());
        double[] features = [0.5, 0.6, 0.2, 0.7, 0.4, 0.9, 0, 0, 1, 0.3, 2, 0.5, 1, -1, 0, -1];
        Assert.Equal(shipped.Probability(features), again.Probability(features));
        Assert.Throws<FormatException>(() => PairModel.Parse("not a model"));
    }

    [Fact]
    public void More_shared_content_makes_a_pair_more_likely_one_need()
    {
        // Not a rule written by hand but what the model learned from the labelled sets; any sensible model keeps it.
        double[] weak = [0.12, 0.12, 0.04, 0.25, 0.08, 0.4, 0, 0, 0, 1.2, 2, 0.1, 2, 0.2, 1, 0];
        double[] middle = [0.5, 0.5, 0.2, 0.55, 0.35, 0.9, 0, 0, 1, 0.5, 2, 0.5, 2, 0.5, 0, 0.5];
        double[] strong = [0.95, 0.95, 0.5, 0.85, 0.7, 0.95, 0, 0, 1, 0.2, 2, 0.9, 2, 0.9, 0, 1];
        var (p1, p2, p3) = (PairModel.Default.Probability(weak), PairModel.Default.Probability(middle), PairModel.Default.Probability(strong));
        Assert.True(p1 < p2 && p2 < p3, $"{p1:F3} {p2:F3} {p3:F3}");
        Assert.True(p1 < ParaphraseLinker.LinkThreshold, $"{p1:F3}");
        Assert.True(p3 >= ParaphraseLinker.LinkThreshold, $"{p3:F3}");
    }

    [Fact]
    public void Needs_sharing_nothing_worth_counting_are_never_scored()
    {
        string[] texts = ["楼下路灯坏了，晚上黑漆漆", "想学书法，能不能开个班"];
        var signatures = new DuplicateDetector().Signatures(texts);
        PlaceMentions.Assign(signatures, [.. texts.Select(t => Shingles.Of(t))]);
        Assert.Null(new ParaphraseLinker().Probability(texts[0], signatures[0], texts[1], signatures[1]));
    }

    [Fact]
    public void A_class_profile_keeps_the_three_most_probable_categories()
    {
        double[] probabilities = [0.05, 0.6, 0.0, 0.25, 0.1];
        var profile = ClassProfile.Of(probabilities);
        Assert.Equal(1.0, profile.Similarity(profile), 3);
        Assert.Equal(0.0, profile.Similarity(ClassProfile.Of([0.9, 0, 0.1, 0, 0])) , 3);
        // Class 2 is not among the top three, so only the shared class 1 and 3 count.
        var other = ClassProfile.Of([0.0, 0.6, 0.0, 0.3, 0.0, 0.1]);
        Assert.InRange(profile.Similarity(other), 0.9, 1.0);
        Assert.Equal(0.0, default(ClassProfile).Similarity(profile));
    }

    [Fact]
    public void Classification_gives_every_prediction_a_profile()
    {
        var prediction = CategoryClassifier.Default.Classify("希望社区开个长者饭堂");
        Assert.NotEqual(0UL, prediction.Profile.Packed);
        Assert.True(prediction.Profile.Similarity(CategoryClassifier.Default.Classify("老人食堂太少了，吃饭难").Profile) > 0.5);
    }
}
