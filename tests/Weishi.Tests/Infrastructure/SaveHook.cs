using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Weishi.Tests.Infrastructure;

/// <summary>
/// Added to every database context of the application under test: runs the test's hook (<see cref="WeishiAppFactory.BeforeSaves"/>)
/// when a save is about to write — before it begins its transaction, or before its commands when it runs without one
/// (inside the transaction SQLite would make another writer wait for this one). Race tests use it to let "another
/// request" store its row between a page's own check and its save. It may run more than once for one save.
/// </summary>
public sealed class SaveHook : IDbTransactionInterceptor, ISaveChangesInterceptor
{
    private Func<DbContext, CancellationToken, Task>? _hook;
    private Func<DbContext, Exception?>? _refusal;

    public IDisposable Set(Func<DbContext, CancellationToken, Task> hook)
    {
        if (Interlocked.CompareExchange(ref _hook, hook, null) is not null) throw new InvalidOperationException("a save hook is already set");
        return new Clear(this);
    }

    /// <summary>
    /// Until disposed, a save for which <paramref name="refusal"/> returns an exception throws it just before writing —
    /// inside a transaction too, unlike the hook above: the refusal of a later save of a request.
    /// </summary>
    public IDisposable Refuse(Func<DbContext, Exception?> refusal)
    {
        if (Interlocked.CompareExchange(ref _refusal, refusal, null) is not null) throw new InvalidOperationException("a refusal is already set");
        return new ClearRefusal(this);
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (_hook is { } hook && eventData.Context is { } context) await hook(context, cancellationToken);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (_hook is { } hook && eventData.Context is { Database.CurrentTransaction: null } context) await hook(context, cancellationToken);
        if (_refusal is { } refusal && eventData.Context is { } saving && refusal(saving) is { } refused) throw refused;
        return result;
    }

    private sealed class Clear(SaveHook owner) : IDisposable
    {
        public void Dispose() => owner._hook = null;
    }

    private sealed class ClearRefusal(SaveHook owner) : IDisposable
    {
        public void Dispose() => owner._refusal = null;
    }
}
