namespace Weishi.Web.Features.Mining;

/// <summary>
/// The newest stored version of one kind of model that this version of the app can read, loaded once and kept (models
/// change only on retraining). A version it cannot load — trained before an upgrade changed the model's format, or
/// damaged — is remembered and passed over, so mining goes on with the next one.
/// </summary>
public sealed class StoredModelCache<T>(Func<byte[], T> load, Func<Exception, bool> isUnreadable) where T : class
{
    private readonly Lock _gate = new();
    private (int Id, T Model)? _loaded;
    private readonly HashSet<int> _unreadable = [];

    /// <summary>The first readable of <paramref name="newestFirst"/>, or (null, null) when none is.</summary>
    public async Task<(int? VersionId, T? Model)> NewestAsync(IReadOnlyList<int> newestFirst, Func<int, Task<byte[]>> bytesOf)
    {
        foreach (var id in newestFirst)
        {
            lock (_gate)
            {
                if (_loaded is { } loaded && loaded.Id == id) return (id, loaded.Model);
                if (_unreadable.Contains(id)) continue;
            }
            var bytes = await bytesOf(id);
            try
            {
                var model = load(bytes);
                lock (_gate) _loaded = (id, model);
                return (id, model);
            }
            catch (Exception e) when (isUnreadable(e))
            {
                lock (_gate) _unreadable.Add(id);
            }
        }
        return (null, null);
    }
}
