using System.Threading.RateLimiting;

namespace Weishi.Web.Infrastructure.RateLimits;

/// <summary>
/// A fixed-window limiter of one partition whose count lives in an <see cref="IWindowCounter"/>. Counting may need the
/// database, so the synchronous attempt never grants a permit and the middleware asks again asynchronously. When the
/// count cannot be taken the request is refused as unavailable (503), not let through: every limited page needs the
/// database for its own work anyway, and a flood that exhausts the database is exactly when a lifted limit on paid
/// texts and password guesses would hurt.
/// </summary>
public sealed class SharedWindowLimiter(
    string policy, string client, int permitLimit, TimeSpan window, IWindowCounter counter, TimeProvider time, ILogger log) : RateLimiter
{
    /// <summary>The reason on the lease of a request refused because the count could not be taken.</summary>
    public const string CountUnavailable = "count-unavailable";

    private long _lastUsed = time.GetTimestamp();

    /// <summary>Lets the middleware's partition cache drop this limiter (it holds no count) once the client is quiet.</summary>
    public override TimeSpan? IdleDuration => time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => Lease.NotCounted;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(permitCount, 1);
        Interlocked.Exchange(ref _lastUsed, time.GetTimestamp());
        try
        {
            var count = await counter.CountAsync(policy, client, time.GetUtcNow().UtcDateTime, window, cancellationToken);
            return count <= permitLimit ? Lease.Acquired : Lease.Rejected;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "rate limit {Policy} could not count a request; refused", policy);
            return Lease.Unavailable;
        }
    }

    private sealed class Lease(bool acquired, string? reason) : RateLimitLease
    {
        public static readonly Lease Acquired = new(true, null);
        public static readonly Lease Rejected = new(false, null);
        public static readonly Lease NotCounted = new(false, null);
        public static readonly Lease Unavailable = new(false, CountUnavailable);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => reason is null ? [] : [MetadataName.ReasonPhrase.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = reason;
            return reason is not null && metadataName == MetadataName.ReasonPhrase.Name;
        }
    }
}
