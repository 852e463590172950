using System.Collections.Concurrent;

namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>
/// The live progress of jobs running in this process. A handler may hold a long write transaction (all-or-nothing
/// imports) during which SQLite cannot take another writer, so live figures are kept here; on PostgreSQL the reporter
/// also writes them to the job row now and then, on its own connection, so other app instances show them too.
/// </summary>
public sealed class JobProgressBoard
{
    private readonly ConcurrentDictionary<int, (int Percent, string Message)> _live = new();

    public void Set(int jobId, int percent, string message) => _live[jobId] = (Math.Clamp(percent, 0, 100), message);

    public (int Percent, string Message)? Get(int jobId) => _live.TryGetValue(jobId, out var v) ? v : null;

    public void Remove(int jobId) => _live.TryRemove(jobId, out _);

    /// <param name="persist">Writes progress to the job row; null where only this process can show it (SQLite).</param>
    public sealed class Reporter(JobProgressBoard board, int jobId, Func<int, int, string, Task>? persist = null) : IJobProgress
    {
        public static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(1);

        private readonly Lock _gate = new();
        private Task _writing = Task.CompletedTask;
        private long _nextWriteAt;

        public void Report(int percent, string message)
        {
            board.Set(jobId, percent, message);
            if (persist is null) return;
            lock (_gate)
            {
                // At most one write in flight and one a second: the handler never waits for the database here.
                var now = Environment.TickCount64;
                if (!_writing.IsCompleted || now < _nextWriteAt) return;
                _nextWriteAt = now + (long)PersistEvery.TotalMilliseconds;
                _writing = persist(jobId, Math.Clamp(percent, 0, 100), message);
            }
        }

        /// <summary>Waits for the write in flight, so the job's final state is written after it.</summary>
        public async Task FlushAsync()
        {
            Task writing;
            lock (_gate) writing = _writing;
            try { await writing; }
            catch (Exception) when (!writing.IsCanceled) { } // a lost progress write is logged by the writer and harmless
        }
    }
}
