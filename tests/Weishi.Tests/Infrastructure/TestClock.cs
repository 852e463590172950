using Weishi.Web.Infrastructure.Web;

namespace Weishi.Tests.Infrastructure;

/// <summary>
/// The application's clock in tests: real time plus an offset a test can move forward (to end a publicity period or
/// a ballot) and that moves back when the test is done. Timers stay real so the background workers keep running —
/// which is why this is not FakeTimeProvider, whose time stands still unless advanced. Tests of one collection run
/// one after another, so a shift never leaks into another test of the same application.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves "now" forward until the returned handle is disposed.</summary>
    public IDisposable Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return new Shift(this, by);
    }

    /// <summary>Moves "now" forward to noon of <paramref name="day"/> in China until the returned handle is disposed;
    /// sign in after the move (a cookie issued before it has expired by then).</summary>
    public IDisposable AdvanceTo(DateOnly day) =>
        Advance(ChinaDate.StartUtc(day).AddHours(12) - GetUtcNow().UtcDateTime);

    private sealed class Shift(TestClock clock, TimeSpan by) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Add(ref clock._offsetTicks, -by.Ticks);
        }
    }
}
