using Microsoft.EntityFrameworkCore;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Text;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Mining;

/// <summary>The classifier mining uses: the newest retrained version in the database, else the model shipped with the app.
/// Loaded models are kept (a model is ~1 MB in memory and changes only on retraining).</summary>
public sealed class ClassifierStore
{
    private readonly Lock _gate = new();
    private (int Id, CategoryClassifier Classifier)? _cached;

    public async Task<(int? VersionId, CategoryClassifier Classifier)> CurrentAsync(WeishiDbContext db, CancellationToken ct)
    {
        var latest = await db.ClassifierVersions.OrderByDescending(v => v.Id).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        if (latest is not { } id) return (null, CategoryClassifier.Default);
        lock (_gate)
        {
            if (_cached is { } c && c.Id == id) return (id, c.Classifier);
        }
        var bytes = await db.ClassifierVersions.Where(v => v.Id == id).Select(v => v.Model).SingleAsync(ct);
        var classifier = new CategoryClassifier(CategoryModel.Load(new MemoryStream(bytes)), TextAnalyzer.Default);
        lock (_gate) _cached = (id, classifier);
        return (id, classifier);
    }
}
