using Microsoft.EntityFrameworkCore.Storage;

namespace Weishi.Web.Infrastructure.Data;

/// <summary>
/// One transaction for all the saves of a post (<see cref="Web.PostTransactionFilter"/>, ADR 016): begun by the first
/// save that writes, so a post that writes nothing, and the reading before the first write, do not hold SQLite's one
/// writer; committed when the handler returns, rolled back when it throws. What the post did outside the database (a file
/// written) is undone with it (<see cref="WhenRolledBack"/>).
/// </summary>
public abstract partial class WeishiDbContext
{
    private bool _holdSaves;
    private IDbContextTransaction? _postTransaction;
    private readonly List<Action> _whenCommitted = [];
    private readonly List<Action> _whenRolledBack = [];
    private int _savepoints;

    /// <summary>From now on the saves of this context are kept in one transaction until <see cref="EndPostTransactionAsync"/>.</summary>
    internal void HoldSavesUntilEnd() => _holdSaves = true;

    /// <summary>Commits (or rolls back) what the post saved; later saves commit each on their own again.</summary>
    internal async Task EndPostTransactionAsync(bool commit, CancellationToken ct)
    {
        _holdSaves = false;
        var tx = _postTransaction;
        _postTransaction = null;
        var committed = _whenCommitted.ToList();
        _whenCommitted.Clear();
        var undo = _whenRolledBack.ToList();
        _whenRolledBack.Clear();
        try
        {
            if (tx is not null)
                await using (tx)
                {
                    if (commit) await tx.CommitAsync(ct);
                    else await tx.RollbackAsync(CancellationToken.None);
                }
        }
        catch
        {
            Run(undo);
            throw;
        }
        Run(commit ? committed : undo);
    }

    /// <summary>Runs <paramref name="action"/> once what was saved is visible to others: now, or when the post commits.</summary>
    public void WhenCommitted(Action action)
    {
        if (_postTransaction is null) action();
        else _whenCommitted.Add(action);
    }

    /// <summary>
    /// Runs <paramref name="undo"/> if what the post saves is not kept: when it rolls back or its handler throws, even
    /// before its first save, or when the <see cref="BeginWorkAsync"/> work the call was made in is rolled back. Not once
    /// the post (or <see cref="CommitSoFarAsync"/>) has committed, and never outside a post, where each save commits on
    /// its own: a file written by a job or the command line stays as before.
    /// </summary>
    public void WhenRolledBack(Action undo)
    {
        if (_holdSaves) _whenRolledBack.Add(undo);
    }

    /// <summary>Undoes what was registered since <paramref name="mark"/> (a count of <see cref="_whenRolledBack"/>).</summary>
    private void RollBackSince(int mark)
    {
        if (mark >= _whenRolledBack.Count) return;
        var undo = _whenRolledBack[mark..];
        _whenRolledBack.RemoveRange(mark, undo.Count);
        Run(undo);
    }

    private static void Run(List<Action> actions)
    {
        foreach (var action in actions) action();
    }

    /// <summary>
    /// Commits what the post saved so far, before something that cannot be undone (a text message sent): a later refusal
    /// leaves it stored, and the post does not hold the database while it waits for the outside.
    /// </summary>
    public async Task CommitSoFarAsync(CancellationToken ct)
    {
        if (_postTransaction is null) return;
        var hold = _holdSaves;
        await EndPostTransactionAsync(true, ct);
        _holdSaves = hold;
    }

    /// <summary>Begins the post's transaction before its first write (by a save, or by a caller writing around the change tracker).</summary>
    private async Task JoinPostTransactionAsync(CancellationToken ct)
    {
        if (_holdSaves && _postTransaction is null && Database.CurrentTransaction is null)
            _postTransaction = await Database.BeginTransactionAsync(ct);
    }

    /// <summary>
    /// All or nothing for work of several saves: a transaction of its own, or, inside another one (a post's), a savepoint
    /// that <see cref="Work.DisposeAsync"/> rolls back to unless the work was committed.
    /// </summary>
    public async Task<Work> BeginWorkAsync(CancellationToken ct)
    {
        await JoinPostTransactionAsync(ct);
        if (Database.CurrentTransaction is not { } outer) return new Work(this, await Database.BeginTransactionAsync(ct), null);
        var savepoint = $"work_{++_savepoints}";
        await outer.CreateSavepointAsync(savepoint, ct);
        return new Work(this, outer, savepoint);
    }

    /// <summary>
    /// See <see cref="BeginWorkAsync"/>. Rolled back, it also undoes what was registered with <see cref="WhenRolledBack"/>
    /// during the work (its files): their rows are gone even if the post goes on to commit.
    /// </summary>
    public sealed class Work(WeishiDbContext context, IDbContextTransaction transaction, string? savepoint) : IAsyncDisposable
    {
        private bool _done;
        private readonly int _undoMark = context._whenRolledBack.Count;

        public async Task CommitAsync(CancellationToken ct)
        {
            _done = true;
            if (savepoint is null) await transaction.CommitAsync(ct);
            else await transaction.ReleaseSavepointAsync(savepoint, ct);
        }

        public async Task RollbackAsync(CancellationToken ct)
        {
            _done = true;
            try
            {
                if (savepoint is null) await transaction.RollbackAsync(ct);
                else await transaction.RollbackToSavepointAsync(savepoint, ct);
            }
            finally
            {
                context.RollBackSince(_undoMark);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_done) await RollbackAsync(CancellationToken.None);
            if (savepoint is null) await transaction.DisposeAsync();
        }
    }
}
