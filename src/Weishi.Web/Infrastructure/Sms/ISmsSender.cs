namespace Weishi.Web.Infrastructure.Sms;

/// <summary>Sends a text message. Production plugs in the operator's gateway; development and tests use the outbox.</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct = default);
}
