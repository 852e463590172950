using System.Collections.Concurrent;

namespace Weishi.Web.Infrastructure.RateLimits;

/// <summary>
/// SQLite serves one process, so the count in memory is already the only count; keeping it out of the database also
/// keeps every limited request (the login page's reads too) from waiting on SQLite's single writer while an import
/// writes. Windows follow the application's <see cref="TimeProvider"/>, like the database's.
/// </summary>
public sealed class MemoryWindowCounter : IWindowCounter
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Policy, string Client), Window> _windows = new();
    private long _nextPruneTicks;

    private sealed class Window
    {
        public DateTime EndsUtc;
        public int Count;
        public bool Removed;
    }

    public ValueTask<int> CountAsync(string policy, string client, DateTime nowUtc, TimeSpan window, CancellationToken ct)
    {
        PruneEnded(nowUtc);
        while (true)
        {
            var w = _windows.GetOrAdd((policy, client), _ => new Window());
            lock (w)
            {
                if (w.Removed) continue; // pruned meanwhile: count in its successor
                if (w.EndsUtc <= nowUtc) (w.EndsUtc, w.Count) = (nowUtc + window, 0);
                return ValueTask.FromResult(++w.Count);
            }
        }
    }

    private void PruneEnded(DateTime nowUtc)
    {
        var due = Interlocked.Read(ref _nextPruneTicks);
        if (nowUtc.Ticks < due || Interlocked.CompareExchange(ref _nextPruneTicks, (nowUtc + PruneEvery).Ticks, due) != due) return;
        foreach (var (key, w) in _windows)
            lock (w)
            {
                if (w.EndsUtc > nowUtc) continue;
                w.Removed = true;
                _windows.TryRemove(key, out _);
            }
    }
}
