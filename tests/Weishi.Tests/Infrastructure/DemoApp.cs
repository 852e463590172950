namespace Weishi.Tests.Infrastructure;

/// <summary>One application with the demo loaded, shared by the tests of the "demo" collection.</summary>
public sealed class DemoApp : IAsyncLifetime
{
    private TestDatabase? _database;
    public WeishiAppFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Factory = new WeishiAppFactory(_database);
        Factory.StartServer();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoApp>
{
    public const string Name = "demo";
}
