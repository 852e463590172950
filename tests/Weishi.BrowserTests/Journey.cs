namespace Weishi.BrowserTests;

/// <summary>
/// A browser journey on the shared <see cref="LiveApp"/>: the browser contexts it opens (its users' windows) are closed
/// when it ends, pass or fail, so the journeys after it do not share one Chromium with every earlier user still signed in.
/// </summary>
public abstract class Journey(LiveApp app) : IAsyncLifetime
{
    protected LiveApp App { get; } = app;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => App.CloseContextsAsync();
}
