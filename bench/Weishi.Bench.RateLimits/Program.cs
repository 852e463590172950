// What counting a limited request in PostgreSQL costs: the same application on one PostgreSQL database twice, once
// counting in the database (as configured) and once with the in-memory counter put back, each answering GET
// /Account/Login (limited by the login policy, every request counted) one at a time and from 8 clients at once.
// BENCH_PG names the server (e.g. "Host=127.0.0.1;Port=55432;Username=weishi"); a throwaway database is made on it.
using System.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weishi.Web.Infrastructure.RateLimits;

internal static class RateLimitBench
{
    public static async Task Main()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Weishi.Web"))) root = root.Parent;
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_WEISHI_WEB", Path.Combine(root!.FullName, "src", "Weishi.Web"));
        var server = Environment.GetEnvironmentVariable("BENCH_PG") ?? throw new InvalidOperationException("set BENCH_PG to a PostgreSQL server");
        var name = "weishi_bench_" + Guid.NewGuid().ToString("N")[..8];
        await Admin(server, $"CREATE DATABASE \"{name}\"");
        try
        {
            var cs = $"{server};Database={name}";
            await using var database = new BenchFactory(cs, inMemory: false);
            await using var memory = new BenchFactory(cs, inMemory: true);
            foreach (var (label, factory) in new[] { ("database", database), ("memory", memory) }) await TimeAsync(label, factory, warmUp: true);
            foreach (var (label, factory) in new[] { ("database", database), ("memory", memory) }) await TimeAsync(label, factory, warmUp: false);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Admin(server, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task Admin(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(server + ";Database=postgres");
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task TimeAsync(string label, BenchFactory factory, bool warmUp)
    {
        const int requests = 2000;
        const int clients = 8;
        var http = factory.CreateClient();
        var n = warmUp ? 200 : requests;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < n; i++) Check(await http.GetAsync("/Account/Login"));
        var sequential = watch.Elapsed;
        watch.Restart();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{c + 1}");
            for (var i = 0; i < n / clients; i++) Check(await client.GetAsync("/Account/Login"));
        })));
        var parallel = watch.Elapsed;
        if (warmUp) return;
        Console.WriteLine($"{label,-9} one at a time: {sequential.TotalMicroseconds / n,7:0} µs per request;  {clients} clients: {n / parallel.TotalSeconds,6:0} requests/s");
    }

    private static void Check(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET /Account/Login answered {(int)response.StatusCode}");
    }
}

internal sealed class BenchFactory(string connectionString, bool inMemory) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", "Postgres");
        builder.UseSetting("ConnectionStrings:Weishi", connectionString);
        builder.UseSetting("RateLimits:LoginPerMinute", "1000000");
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        if (inMemory) builder.ConfigureTestServices(s => s.AddSingleton<IWindowCounter, MemoryWindowCounter>());
    }
}
