using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Classification;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Mining;

public sealed record RetrainResult(int CorrectionsUsed, int HeldOut, double? AccuracyBefore, double? AccuracyAfter, int VersionId)
{
    public string Describe() =>
        $"已用 {CorrectionsUsed} 条人工更正重新训练分类模型（版本 {VersionId}）。" + (HeldOut == 0
            ? "更正少于 5 条，未留出检验样本。"
            : $"留出检验的 {HeldOut} 条更正上：训练前准确率 {Pct(AccuracyBefore)}，训练后 {Pct(AccuracyAfter)}。");

    private static string Pct(double? ratio) => ratio is { } r ? Display.Percent(r) : "—";
}

/// <summary>
/// Retrains the category model on the shipped training set plus the staff corrections (the latest per need). Every
/// fifth correction is held out (<see cref="HoldOut"/>) to measure the model in use before and the new one; staff
/// corrections weigh <see cref="CorrectionWeight"/> times a built-in example because they are the district's own,
/// checked data. It segments as the mining runs do (<see cref="MiningModelStore.CurrentAsync"/>: the district's terms too).
/// </summary>
public sealed class ClassifierRetrainer(WeishiDbContext db, MiningModelStore models, TimeProvider time)
{
    public const int CorrectionWeight = 3;
    /// <summary>Null (with a Chinese reason) when there is nothing to learn from.</summary>
    public async Task<(RetrainResult? Result, string? Refusal)> RetrainAsync(string byName, CancellationToken ct)
    {
        var corrections = await db.CategoryCorrections.IgnoreQueryFilters().AsNoTracking()
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.DemandId, c.Text, c.Category }).ToListAsync(ct);
        var latest = corrections.GroupBy(c => c.DemandId).Select(g => g.Last()).OrderBy(c => c.Id)
            .Where(c => Categories.All.Contains(c.Category)).ToList();
        if (latest.Count == 0) return (null, "还没有人工更正的需求类别，无需重新训练。");

        var (training, heldOut) = HoldOut.Split([.. latest.Select(c => new LabelledText(c.Text, c.Category))]);
        var current = await models.CurrentAsync(db, ct);
        var before = current.Classifier;
        var model = CategoryClassifier.Retrain(training.SelectMany(e => Enumerable.Repeat(e, CorrectionWeight)), current.Analyzer);
        var after = new CategoryClassifier(model, current.Analyzer);

        using var bytes = new MemoryStream();
        model.Save(bytes);
        var version = new ClassifierVersion
        {
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedByName = byName,
            CorrectionsUsed = training.Count,
            HeldOut = heldOut.Count,
            AccuracyBefore = Accuracy(before, heldOut),
            AccuracyAfter = Accuracy(after, heldOut),
            Model = bytes.ToArray(),
        };
        db.ClassifierVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return (new RetrainResult(version.CorrectionsUsed, version.HeldOut, version.AccuracyBefore, version.AccuracyAfter, version.Id), null);
    }

    private static double? Accuracy(CategoryClassifier classifier, List<LabelledText> examples) =>
        examples.Count == 0 ? null : examples.Count(e => classifier.Classify(e.Text).Category == e.Category) / (double)examples.Count;
}
