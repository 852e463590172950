namespace Weishi.Web.Infrastructure.Jobs;

/// <summary>
/// While a job's handler works, shows every <see cref="BeatEvery"/> that its runner is alive by stamping the job row
/// (PostgreSQL, where another instance decides from the stamp whether the job was abandoned). Stops when disposed.
/// </summary>
public sealed class JobHeartbeat : IAsyncDisposable
{
    public static readonly TimeSpan BeatEvery = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _beating;

    /// <param name="beat">Stamps the row; cancelled when the job ends.</param>
    public JobHeartbeat(TimeProvider time, Func<CancellationToken, Task> beat) => _beating = BeatAsync(time, beat);

    private async Task BeatAsync(TimeProvider time, Func<CancellationToken, Task> beat)
    {
        using var timer = new PeriodicTimer(BeatEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token)) await beat(_stop.Token);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
    }

    /// <summary>Stops the beat and waits for a stamp in flight, so none is written after the job's final state.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _beating;
        _stop.Dispose();
    }
}
