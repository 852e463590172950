using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Tests.Infrastructure;

/// <summary>
/// Wraps the application's <see cref="ISmsSender"/>: a message to a phone a test named fails as a refusing gateway's
/// would (<see cref="SmsSendFailedException"/>); every other message goes on as before. Phones, not a switch, so tests
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
        public Task SendAsync(string phone, string text, CancellationToken ct = default) =>
            hook._failing.ContainsKey(phone) ? throw new SmsSendFailedException("测试：短信网关拒绝了该短信") : inner.SendAsync(phone, text, ct);
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
