using System.Collections.Concurrent;

namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>
/// The live progress of jobs running in this process. A handler may hold a long write transaction (all-or-nothing
/// imports) during which SQLite cannot take another writer, so live figures are kept here and written to the job
/// row when the database is free (start, end, and by handlers that save between phases).
/// </summary>
public sealed class JobProgressBoard
{
    private readonly ConcurrentDictionary<int, (int Percent, string Message)> _live = new();

    public void Set(int jobId, int percent, string message) => _live[jobId] = (Math.Clamp(percent, 0, 100), message);

    public (int Percent, string Message)? Get(int jobId) => _live.TryGetValue(jobId, out var v) ? v : null;

    public void Remove(int jobId) => _live.TryRemove(jobId, out _);

    public sealed class Reporter(JobProgressBoard board, int jobId) : IJobProgress
    {
        public void Report(int percent, string message) => board.Set(jobId, percent, message);
    }
}
