using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Weishi.Tests.Infrastructure;

/// <summary>An SMS gateway on a real Kestrel port of 127.0.0.1: records each post and answers with <see cref="Status"/>.</summary>
public sealed class LoopbackSmsGateway : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackSmsGateway(WebApplication app) => _app = app;

    public sealed record Post(string Body, string? Timestamp, string? Signature, string? ContentType);

    public ConcurrentQueue<Post> Posts { get; } = new();
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
    /// <summary>How long the gateway takes before it answers (until the caller gives up).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
    public string Url { get; private set; } = "";

    public static async Task<LoopbackSmsGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var gateway = new LoopbackSmsGateway(builder.Build());
        gateway._app.MapPost("/sms/send", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            gateway.Posts.Enqueue(new Post(await reader.ReadToEndAsync(), http.Request.Headers["X-Weishi-Timestamp"],
                http.Request.Headers["X-Weishi-Signature"], http.Request.ContentType));
            if (gateway.Delay > TimeSpan.Zero) await Task.Delay(gateway.Delay, http.RequestAborted).ContinueWith(_ => { });
            http.Response.StatusCode = (int)gateway.Status;
        });
        await gateway._app.StartAsync();
        var address = gateway._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        gateway.Url = address.TrimEnd('/') + "/sms/send";
        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
