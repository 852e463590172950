using System.Text;
using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Text;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Mining;

public sealed record PairRetrainResult(int DecisionsUsed, int DuplicatesUsed, int HeldOut, double? AgreementBefore, double? AgreementAfter, int VersionId)
{
    public string Describe() =>
        $"已用 {DecisionsUsed} 对工作人员的判断（其中 {DuplicatesUsed} 对为重复）重新训练重复识别模型（版本 {VersionId}）。" + (HeldOut == 0
            ? "判断少于 5 对，未留出检验样本。"
            : $"留出检验的 {HeldOut} 对判断上，模型与工作人员一致的比例：训练前 {Pct(AgreementBefore)}，训练后 {Pct(AgreementAfter)}。");

    private static string Pct(double? ratio) => ratio is { } r ? Display.Percent(r) : "—";
}

/// <summary>
/// Retrains the duplicate model (the pair model of the paraphrase stage) from the shipped one plus the staff's
/// decisions on suggested duplicates, the latest per pair. Every fifth decision is held out (<see cref="HoldOut"/>) to
/// compare the model in use before with the new one: a model agrees with a decision when it would link the pair
/// exactly when staff merged it. It segments as the mining runs do (<see cref="MiningModelStore.CurrentAsync"/>: the
/// district's terms too).
/// </summary>
public sealed class PairModelRetrainer(WeishiDbContext db, MiningModelStore models, TimeProvider time)
{
    /// <summary>Null (with a Chinese reason) when there is nothing to learn from.</summary>
    public async Task<(PairRetrainResult? Result, string? Refusal)> RetrainAsync(string byName, CancellationToken ct)
    {
        var decisions = await db.DuplicateDecisions.IgnoreQueryFilters().AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.DemandId, d.OtherDemandId, d.Text, d.OtherText, d.IsDuplicate }).ToListAsync(ct);
        var latest = decisions.GroupBy(d => (d.DemandId, d.OtherDemandId)).Select(g => g.Last()).OrderBy(d => d.Id)
            .Select(d => new LabelledPair(d.Text, d.OtherText, d.IsDuplicate)).ToList();
        if (latest.Count == 0) return (null, "还没有工作人员对疑似重复需求的判断（合并或标记“不是重复”），无需重新训练。");

        var (training, heldOut) = HoldOut.Split(latest);
        var current = await models.CurrentAsync(db, ct);
        var (classifier, analyzer) = (current.Classifier, current.Analyzer);
        var model = PairModelTrainer.Retrain(training, classifier, analyzer);
        var version = new PairModelVersion
        {
            CreatedAtUtc = time.GetUtcNow().UtcDateTime,
            CreatedByName = byName,
            DecisionsUsed = training.Count,
            DuplicatesUsed = training.Count(p => p.Same),
            HeldOut = heldOut.Count,
            AgreementBefore = Agreement(current.PairModel ?? PairModel.Default, heldOut, classifier, analyzer),
            AgreementAfter = Agreement(model, heldOut, classifier, analyzer),
            Model = Encoding.UTF8.GetBytes(model.Save()),
        };
        db.PairModelVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return (new PairRetrainResult(version.DecisionsUsed, version.DuplicatesUsed, version.HeldOut, version.AgreementBefore, version.AgreementAfter, version.Id), null);
    }

    private static double? Agreement(PairModel model, List<LabelledPair> decisions, CategoryClassifier classifier, TextAnalyzer analyzer)
    {
        if (decisions.Count == 0) return null;
        var probabilities = PairModelTrainer.Probabilities(model, decisions, classifier, analyzer);
        return decisions.Where((d, i) => (probabilities[i] >= ParaphraseLinker.LinkThreshold) == d.Same).Count() / (double)decisions.Count;
    }
}
