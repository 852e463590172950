namespace Weishi.Tests.Infrastructure;

/// <summary>
/// The application on a database of its own, without the demo, with a few settings of its own (a low rate limit, a key
/// certificate …): for tests whose settings would disturb the shared demo app.
/// </summary>
public sealed class OwnApp : IAsyncDisposable
{
    private readonly TestDatabase _database;

    private OwnApp(TestDatabase database, WeishiAppFactory factory) => (_database, Factory) = (database, factory);

    public WeishiAppFactory Factory { get; }

    public static async Task<OwnApp> StartAsync(params (string Key, string Value)[] settings)
    {
        var database = await TestDatabase.CreateAsync();
        return new OwnApp(database, new SettingsFactory(database, settings));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class SettingsFactory(TestDatabase database, (string Key, string Value)[] settings) : WeishiAppFactory(database, seedDemo: false)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
