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

    /// <summary>Puts the live figures of a job still running in this process onto <paramref name="job"/> (read from its row).</summary>
    public void ShowLive(Job job)
    {
        if (!job.Finished && Get(job.Id) is { } live) (job.Percent, job.Message) = live;
    }

    /// <param name="persist">Writes progress to the job row; null where only this process can show it (SQLite).</param>
    /// <remarks>
    /// Writes happen on a pool thread, at most one at a time and one a second; a report that came too soon is not
    /// dropped but written when the second is up (the latest one wins), so the row never lags more than about a second.
    /// </remarks>
    public sealed class Reporter(JobProgressBoard board, int jobId, Func<int, int, string, Task>? persist = null) : IJobProgress
    {
        public static readonly TimeSpan PersistEvery = TimeSpan.FromSeconds(1);

        private readonly Lock _gate = new();
        private readonly CancellationTokenSource _endedSignal = new();
        private (int Percent, string Message)? _pending;
        private bool _writing, _ended;
        private Task _writer = Task.CompletedTask;

        public void Report(int percent, string message)
        {
            board.Set(jobId, percent, message);
            if (persist is null) return;
            var report = (Math.Clamp(percent, 0, 100), message);
            lock (_gate)
            {
                if (_ended) return;
                if (_writing)
                {
                    _pending = report; // the writer takes the latest when its second is up
                    return;
                }
                _writing = true;
                _writer = Task.Run(() => WriteAsync(persist, report));
            }
        }

        /// <summary>Writes the report, then, a second after it began, the latest one that came meanwhile, until none did.</summary>
        private async Task WriteAsync(Func<int, int, string, Task> write, (int Percent, string Message) report)
        {
            while (true)
            {
                var next = Environment.TickCount64 + (long)PersistEvery.TotalMilliseconds;
                try { await write(jobId, report.Percent, report.Message); }
                catch (Exception) { } // a lost progress write is logged by the writer and harmless
                var wait = next - Environment.TickCount64;
                if (wait > 0)
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), _endedSignal.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                lock (_gate)
                {
                    if (_ended || _pending is not { } latest)
                    {
                        _writing = false;
                        return;
                    }
                    report = latest;
                    _pending = null;
                }
            }
        }

        /// <summary>
        /// Ends the reporting when the job has ended: reports not yet written are dropped and the write in flight is
        /// awaited, so nothing is written after the job's final state.
        /// </summary>
        public async Task FlushAsync()
        {
            Task writer;
            lock (_gate)
            {
                _ended = true;
                _pending = null;
                writer = _writer;
            }
            await _endedSignal.CancelAsync(); // cuts the writer's wait short
            await writer;
        }
    }
}
