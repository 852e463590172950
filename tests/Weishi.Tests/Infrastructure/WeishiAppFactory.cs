using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Infrastructure;

/// <summary>The real application on a throwaway database, migrated and loaded with the Pingshan demo at start
/// (seedDemo null: Demo:Seed left unset, as an installation that does not mention it).</summary>
public class WeishiAppFactory(TestDatabase database, bool? seedDemo = true) : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;
    /// <summary>The application's TimeProvider: move it forward instead of editing stored times.</summary>
    public TestClock Clock { get; } = new();
    private readonly SaveHook _saveHook = new();
    private readonly SmsHook _smsHook = new();
    public const string ApiKey = "test-api-key-7f3a9c2e";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Weishi", Database.ConnectionString);
        if (seedDemo is { } seed) builder.UseSetting("Demo:Seed", seed ? "true" : "false");
        builder.UseSetting("RateLimits:LoginPerMinute", "100000");
        builder.UseSetting("RateLimits:PortalPerMinute", "100000");
        builder.UseSetting("RateLimits:PhoneCodesPerMinute", "100000");
        builder.UseSetting("Api:DemandImportKey", ApiKey);
        var files = Path.Combine(Path.GetTempPath(), "weishi-tests", "files-" + Guid.NewGuid().ToString("N"));
        builder.UseSetting("Files:Root", files);
        builder.UseSetting("Contractors:DocumentsPath", Path.Combine(files, "contractor-documents"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.ConfigureDbContext<SqliteWeishiDbContext>(o => o.AddInterceptors(_saveHook));
            services.ConfigureDbContext<PostgresWeishiDbContext>(o => o.AddInterceptors(_saveHook));
            _smsHook.Install(services);
        });
    }

    /// <summary>
    /// Runs the hook whenever a context of the application is about to save (<see cref="SaveHook"/>), until disposed:
    /// "another request" in the race tests of pages. The hook sees every save, background jobs' too, and its own.
    /// </summary>
    public IDisposable BeforeSaves(Func<Microsoft.EntityFrameworkCore.DbContext, CancellationToken, Task> hook) => _saveHook.Set(hook);

    /// <summary>
    /// Runs <paramref name="request"/>, and <paramref name="meanwhile"/> once, whole, inside the first save for which
    /// <paramref name="when"/> holds: "another request" that comes between the request's own check and its save. Returns
    /// both answers.
    /// </summary>
    public async Task<(T Request, T Meanwhile)> RaceAsync<T>(Func<Microsoft.EntityFrameworkCore.DbContext, bool> when, Func<Task<T>> meanwhile, Func<Task<T>> request)
        where T : class
    {
        T? other = null;
        var started = 0;
        T own;
        using (BeforeSaves(async (db, _) =>
        {
            if (when(db) && Interlocked.Exchange(ref started, 1) == 0) other = await meanwhile();
        }))
            own = await request();
        return (own, other ?? throw new InvalidOperationException("the other request never ran: no save matched"));
    }

    /// <summary>
    /// Refuses with <paramref name="refusal"/>, until disposed, every save that adds, changes or deletes a
    /// <typeparamref name="T"/> for which <paramref name="when"/> holds, whichever transaction it runs in: a later save of a
    /// request refused after earlier ones were written.
    /// </summary>
    public IDisposable RefuseSaves<T>(Func<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<T>, bool> when, Exception refusal) where T : class =>
        _saveHook.Refuse(db => db.ChangeTracker.Entries<T>().Any(e => (e.State is Microsoft.EntityFrameworkCore.EntityState.Added
            or Microsoft.EntityFrameworkCore.EntityState.Modified or Microsoft.EntityFrameworkCore.EntityState.Deleted) && when(e)) ? refusal : null);

    /// <summary>Text messages to <paramref name="phone"/> fail, as a refusing gateway's would, until disposed (<see cref="SmsHook"/>).</summary>
    public IDisposable FailSmsTo(string phone) => _smsHook.FailTo(phone);

    /// <summary>Text messages to <paramref name="phone"/> wait until the test releases them (<see cref="SmsHook.Hold"/>).</summary>
    public SmsHook.Held HoldSmsTo(string phone) => _smsHook.Hold(phone);

    /// <summary>A database context acting with the given scope, as a page of that user would.</summary>
    public WeishiDbContext CreateDbContext(IServiceScope scope, UserScope? actingAs = null)
    {
        var options = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        if (actingAs is null) return options;
        var provider = Database.Provider;
        return provider == "Postgres"
            ? new PostgresWeishiDbContext(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<PostgresWeishiDbContext>>(), new FixedScope(actingAs), Clock)
            : new SqliteWeishiDbContext(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<SqliteWeishiDbContext>>(), new FixedScope(actingAs), Clock);
    }

    /// <summary>A context of the system's scope with an interceptor: "another instance" in the race tests.</summary>
    public WeishiDbContext SystemContextWith(IServiceScope scope, Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor interceptor)
    {
        var sp = scope.ServiceProvider;
        var system = new FixedScope(UserScope.System);
        return Database.Provider == "Postgres"
            ? new PostgresWeishiDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<PostgresWeishiDbContext>(
                    sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<PostgresWeishiDbContext>>())
                .AddInterceptors(interceptor).Options, system, Clock)
            : new SqliteWeishiDbContext(new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<SqliteWeishiDbContext>(
                    sp.GetRequiredService<Microsoft.EntityFrameworkCore.DbContextOptions<SqliteWeishiDbContext>>())
                .AddInterceptors(interceptor).Options, system, Clock);
    }
}
