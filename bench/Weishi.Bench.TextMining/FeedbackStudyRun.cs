using System.Globalization;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Quality;

namespace Weishi.Bench.TextMining;

/// <summary>
/// Does retraining the pair model on staff decisions help on needs staff never judged? Each sealed set is split in two
/// halves by label group; on one half the shipped detector suggests groups and every pair within a suggested group is
/// decided by the labels (what staff on the page would do); the model retrained on those decisions then scores the
/// other half, against the shipped model. Both directions, then decisions pooled over all sets' halves, then the
/// retrained models on the development sets (they must not get worse there).
/// Usage: feedback-study SEALED_TSV… --dev DEV_TSV… [--scratch WEIGHT] (from scratch on the dev sets plus the decisions
/// counted WEIGHT times) [--leave-one-out] (the development sets in place of the sealed ones, for choosing settings).
/// Env TREES, DEPTH, LR, L2, MINLEAF override <see cref="PairModelTrainer.ForDecisions"/>.
/// </summary>
public static class FeedbackStudyRun
{
    public static void Run(IReadOnlyList<string> arguments)
    {
        var at = arguments.ToList();
        var devAt = at.IndexOf("--dev");
        var scratchAt = at.IndexOf("--scratch");
        var scratchWeight = scratchAt < 0 ? 0 : int.Parse(at[scratchAt + 1], CultureInfo.InvariantCulture);
        var devFiles = at.Skip(devAt + 1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        var dev = devFiles.Select(PairStudyRun.Read).ToList();
        var leaveOneOut = at.Contains("--leave-one-out");
        // With --leave-one-out the development sets play the sealed sets, each against a model trained on the others.
        var studied = leaveOneOut ? dev : at.Take(devAt).Select(PairStudyRun.Read).ToList();
        var bases = studied.ToDictionary(s => s, s => leaveOneOut ? new PairModelTrainer().Train([.. dev.Where(d => d != s)]) : PairModel.Default);
        PairModel Retrain(LabelledNeeds set, IReadOnlyList<LabelledPair> decisions) => scratchWeight > 0
            ? new PairModelTrainer().Train([.. dev.Where(d => !leaveOneOut || d != set)], decisions, scratchWeight)
            : Settings(decisions.Count).Continue(bases[set], decisions);

        var halves = studied.Select(s => (Set: s, Halves: Split(s))).ToList();
        var before = new Tally();
        var after = new Tally();
        var models = new List<PairModel>();
        Console.WriteLine("decisions from → scored                       decisions (dup)   before P / R       retrained P / R");
        foreach (var (set, (a, b)) in halves)
        {
            foreach (var (judged, unseen) in new[] { (a, b), (b, a) })
            {
                var decisions = Decisions(judged, bases[set]);
                var model = Retrain(set, decisions);
                models.Add(model);
                var (s0, s1) = (Score(unseen, bases[set]), Score(unseen, model));
                before.Add(s0);
                after.Add(s1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{judged.Name,-22} → {unseen.Name,-22} {decisions.Count,5} ({decisions.Count(d => d.Same),4})   {Show(s0)}   {Show(s1)}"));
            }
        }
        Console.WriteLine($"pooled, decisions of the set's other half{"",19}{before}   {after}");
        if (leaveOneOut) return;

        var pooledBefore = new Tally();
        var pooledAfter = new Tally();
        foreach (var side in new[] { 0, 1 })
        {
            var decisions = halves.SelectMany(h => Decisions(side == 0 ? h.Halves.A : h.Halves.B, PairModel.Default)).ToList();
            var model = scratchWeight > 0 ? new PairModelTrainer().Train(dev, decisions, scratchWeight) : Settings(decisions.Count).Continue(PairModel.Default, decisions);
            models.Add(model);
            foreach (var (_, (a, b)) in halves)
            {
                var unseen = side == 0 ? b : a;
                pooledBefore.Add(Score(unseen, PairModel.Default));
                pooledAfter.Add(Score(unseen, model));
            }
            Console.WriteLine($"decisions pooled over all {(side == 0 ? "A" : "B")} halves: {decisions.Count} ({decisions.Count(d => d.Same)} duplicates)");
        }
        Console.WriteLine($"pooled, decisions pooled over the sets{"",22}{pooledBefore}   {pooledAfter}");

        var devShipped = new Tally();
        var onDev = new Tally();
        foreach (var set in dev) devShipped.Add(Score(set, PairModel.Default));
        foreach (var model in models)
            foreach (var set in dev) onDev.Add(Score(set, model));
        Console.WriteLine($"development sets: shipped {devShipped}; the {models.Count} retrained models pooled {onDev}");
    }

    private static PairModelTrainer Settings(int count)
    {
        var d = PairModelTrainer.ForDecisions(count);
        static string? Env(string name) => Environment.GetEnvironmentVariable(name);
        return new PairModelTrainer
        {
            TreeCount = Env("TREES") is { } t ? int.Parse(t, CultureInfo.InvariantCulture) : d.TreeCount,
            Depth = Env("DEPTH") is { } depth ? int.Parse(depth, CultureInfo.InvariantCulture) : d.Depth,
            LearningRate = Env("LR") is { } lr ? double.Parse(lr, CultureInfo.InvariantCulture) : d.LearningRate,
            L2 = Env("L2") is { } l2 ? double.Parse(l2, CultureInfo.InvariantCulture) : d.L2,
            MinLeaf = Env("MINLEAF") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : d.MinLeaf,
        };
    }

    /// <summary>Two halves, each labelled group whole in one of them (alternately), needs without a group alternately.</summary>
    public static (LabelledNeeds A, LabelledNeeds B) Split(LabelledNeeds set)
    {
        var groupHalf = new Dictionary<string, int>(StringComparer.Ordinal);
        var loose = 0;
        var half = new int[set.Texts.Count];
        for (var i = 0; i < half.Length; i++)
        {
            var group = set.Groups[i];
            if (group.Length == 0) half[i] = loose++ % 2;
            else if (groupHalf.TryGetValue(group, out var h)) half[i] = h;
            else half[i] = groupHalf[group] = groupHalf.Count % 2;
        }
        LabelledNeeds Of(int h, string suffix) => new(set.Name + suffix,
            [.. set.Texts.Where((_, i) => half[i] == h)], [.. set.Groups.Where((_, i) => half[i] == h)]);
        return (Of(0, " A"), Of(1, " B"));
    }

    /// <summary>What staff would decide on the page: every pair within a group the shipped detector suggests.</summary>
    public static List<LabelledPair> Decisions(LabelledNeeds half, PairModel model)
    {
        var groups = new DuplicateDetector { Paraphrases = new ParaphraseLinker { Model = model } }.FindGroups(half.Texts.Cast<string?>().ToList()).GroupOf;
        var decisions = new List<LabelledPair>();
        for (var i = 0; i < groups.Length; i++)
            for (var j = i + 1; j < groups.Length; j++)
                if (groups[i] >= 0 && groups[i] == groups[j])
                    decisions.Add(new LabelledPair(half.Texts[i], half.Texts[j], half.Groups[i].Length > 0 && half.Groups[i] == half.Groups[j]));
        return decisions;
    }

    private static DuplicateScore Score(LabelledNeeds set, PairModel model) =>
        QualityMetrics.DuplicatePairs(set.Groups, new DuplicateDetector { Paraphrases = new ParaphraseLinker { Model = model } }.FindGroups(set.Texts.Cast<string?>().ToList()).GroupOf);

    private static string Show(DuplicateScore s) => string.Create(CultureInfo.InvariantCulture, $"{s.Precision,6:P1} / {s.Recall,6:P1}");

    private sealed class Tally
    {
        private int _correct, _predicted, _true;

        public void Add(DuplicateScore s) => (_correct, _predicted, _true) = (_correct + s.Correct, _predicted + s.PredictedPairs, _true + s.TruePairs);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{(double)_correct / Math.Max(1, _predicted),6:P1} / {(double)_correct / Math.Max(1, _true),6:P1} ({_correct} of {_predicted}, {_true} labelled)");
    }
}
