using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Dedup;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>The models a mining run uses, and the retrainers train on; a null version id (and a null pair model) is the
/// model shipped with the app. <see cref="Analyzer"/> is the segmentation and keywords: the shipped dictionary with
/// the district's terms (本区词库); <see cref="Classifier"/> segments with it too.</summary>
public sealed record MiningModels(int? ClassifierVersionId, CategoryClassifier Classifier, int? PairModelVersionId, PairModel? PairModel, TextAnalyzer Analyzer);

/// <summary>The models mining uses: the newest retrained versions in the database that an administrator has not
/// retired, else the models shipped with the app, and the segmenter with the district's terms. Loaded models are kept
/// (they change only on retraining or when the terms change).</summary>
public sealed class MiningModelStore
{
    private readonly Lock _gate = new();
    private readonly StoredModelCache<CategoryClassifier> _classifiers = new(
        bytes => new CategoryClassifier(CategoryModel.Load(new MemoryStream(bytes)), TextAnalyzer.Default),
        e => e is InvalidDataException or FormatException or OverflowException or IndexOutOfRangeException or EndOfStreamException);
    private readonly StoredModelCache<PairModel> _pairModels = new(
        bytes => PairModel.Parse(System.Text.Encoding.UTF8.GetString(bytes)), e => e is FormatException);
    private (string Key, TextAnalyzer Analyzer)? _analyzer;

    /// <summary>What a mining run uses and what retraining starts from and segments with (so a model learns the tokens
    /// the runs will give it).</summary>
    public async Task<MiningModels> CurrentAsync(WeishiDbContext db, CancellationToken ct)
    {
        var (classifierId, classifier) = await ClassifierAsync(db, ct);
        var (pairModelId, pairModel) = await PairModelAsync(db, ct);
        var analyzer = await AnalyzerAsync(db, ct);
        if (analyzer != TextAnalyzer.Default) classifier = new CategoryClassifier(classifier.Model, analyzer);
        return new MiningModels(classifierId, classifier, pairModelId, pairModel, analyzer);
    }

    /// <summary>
    /// The shipped analyzer while the district has no terms of its own; else one whose segmenter also knows them and
    /// whose concept table has the words put under a concept (归入概念), built once per set of terms and concepts
    /// (loading a dictionary takes about two seconds).
    /// </summary>
    public async Task<TextAnalyzer> AnalyzerAsync(WeishiDbContext db, CancellationToken ct)
    {
        var terms = await db.SegmentationTerms.AsNoTracking().OrderBy(t => t.Word).Select(t => new { t.Word, t.Tag, t.Concept }).ToListAsync(ct);
        if (terms.Count == 0) return TextAnalyzer.Default;
        var key = string.Join("\n", terms.Select(t => t.Word + " " + t.Tag + " " + t.Concept));
        lock (_gate)
        {
            if (_analyzer is { } a && a.Key == key) return a.Analyzer;
        }
        var concepts = DomainConcepts.Shipped.WithForms(SegmentationTermRules.ConceptForms(terms.Select(t => (t.Word, t.Concept))));
        var analyzer = await Task.Run(() => new TextAnalyzer(new ChineseSegmenter(SegmentationTermRules.UserWords(terms.Select(t => (t.Word, t.Tag)))), concepts), ct);
        lock (_gate) _analyzer = (key, analyzer);
        return analyzer;
    }

    /// <summary>
    /// The newest retrained category model not retired that this version of the app can read, or (null, the shipped
    /// model). A version it cannot load (hashed to another dimension before an upgrade, or damaged) is passed over as
    /// <see cref="PairModelAsync"/> does: mining goes on, and the models page shows that version out of use.
    /// </summary>
    public async Task<(int? VersionId, CategoryClassifier Classifier)> ClassifierAsync(WeishiDbContext db, CancellationToken ct)
    {
        var newestFirst = await db.ClassifierVersions.Where(v => !v.Retired).OrderByDescending(v => v.Id).Select(v => v.Id).ToListAsync(ct);
        var (id, classifier) = await _classifiers.NewestAsync(newestFirst,
            version => db.ClassifierVersions.Where(v => v.Id == version).Select(v => v.Model).SingleAsync(ct));
        return (id, classifier ?? CategoryClassifier.Default);
    }

    /// <summary>
    /// The newest retrained duplicate model not retired that this version of the app can read, or (null, null) for the
    /// shipped one. A version trained on other pair features (before an upgrade changed them) is passed over: the
    /// models page then shows it out of use, and retraining makes a current one.
    /// </summary>
    public async Task<(int? VersionId, PairModel? Model)> PairModelAsync(WeishiDbContext db, CancellationToken ct)
    {
        var newestFirst = await db.PairModelVersions.Where(v => !v.Retired).OrderByDescending(v => v.Id).Select(v => v.Id).ToListAsync(ct);
        return await _pairModels.NewestAsync(newestFirst, version => db.PairModelVersions.Where(v => v.Id == version).Select(v => v.Model).SingleAsync(ct));
    }
}
