using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Tests.Infrastructure;

/// <summary>
/// Wraps the application's <see cref="ISmsSender"/>: a message to a phone a test named fails as a refusing gateway's
/// would (<see cref="SmsSendFailedException"/>), and one to a held phone waits for the test (a slow gateway); every
/// other message goes on as before. Phones, not a switch, so tests
/// running at once on the shared app do not disturb each other.
/// </summary>
public sealed class SmsHook
{
    private readonly ConcurrentDictionary<string, byte> _failing = new();

    public IDisposable FailTo(string phone)
    {
        _failing[phone] = 0;
        return new Restore(() => _failing.TryRemove(phone, out _));
    }

    private readonly ConcurrentDictionary<string, Held> _held = new();

    /// <summary>A slow gateway for <paramref name="phone"/>: a text to it waits, after <see cref="Held.Reached"/>, until
    /// the test lets it through or makes it throw; disposing lets waiting and later texts through.</summary>
    public Held Hold(string phone)
    {
        var held = new Held(() => _held.TryRemove(phone, out _));
        _held[phone] = held;
        return held;
    }

    public sealed class Held(Action remove) : IDisposable
    {
        private readonly TaskCompletionSource<Exception?> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a text to the phone is waiting.</summary>
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The waiting text goes on to the gateway (null) or the send throws <paramref name="error"/>.</summary>
        public void Release(Exception? error = null) => _outcome.TrySetResult(error);

        internal async Task WaitAsync()
        {
            Reached.TrySetResult();
            if (await _outcome.Task is { } error) throw error;
        }

        public void Dispose()
        {
            remove();
            Release();
        }
    }

    /// <summary>Replaces the application's registration of <see cref="ISmsSender"/> with the wrapped one, same lifetime.</summary>
    public void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ISmsSender));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(ISmsSender), sp => new Sender(this, Create(sp, original)), original.Lifetime));
    }

    private static ISmsSender Create(IServiceProvider sp, ServiceDescriptor original) =>
        (ISmsSender)(original.ImplementationInstance
            ?? original.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));

    private sealed class Sender(SmsHook hook, ISmsSender inner) : ISmsSender
    {
        public async Task SendAsync(string phone, string text, CancellationToken ct = default)
        {
            if (hook._held.TryGetValue(phone, out var held)) await held.WaitAsync();
            if (hook._failing.ContainsKey(phone)) throw new SmsSendFailedException("测试：短信网关拒绝了该短信");
            await inner.SendAsync(phone, text, ct);
        }
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
