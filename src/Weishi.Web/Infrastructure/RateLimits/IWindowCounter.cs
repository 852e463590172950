namespace Weishi.Web.Infrastructure.RateLimits;

/// <summary>Counts requests in fixed windows per partition: the database on PostgreSQL, memory on SQLite.</summary>
public interface IWindowCounter
{
    /// <summary>
    /// Counts one request of <paramref name="client"/> under <paramref name="policy"/> at <paramref name="nowUtc"/> and
    /// returns the window's count including it. A window whose end has passed is replaced by a new one of length
    /// <paramref name="window"/> that starts now.
    /// </summary>
    ValueTask<int> CountAsync(string policy, string client, DateTime nowUtc, TimeSpan window, CancellationToken ct);
}
