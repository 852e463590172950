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

    public IDisposable Set(Func<DbContext, CancellationToken, Task> hook)
    {
        if (Interlocked.CompareExchange(ref _hook, hook, null) is not null) throw new InvalidOperationException("a save hook is already set");
        return new Clear(this);
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
        return result;
    }

    private sealed class Clear(SaveHook owner) : IDisposable
    {
        public void Dispose() => owner._hook = null;
    }
}
