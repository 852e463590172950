using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Infrastructure.Sms;

/// <summary>
/// Sends each message to the operator's gateway (<see cref="SmsGatewayOptions"/>) as one signed JSON post:
/// <c>{"messageId","phone","text"}</c> with <c>X-Weishi-Timestamp</c> (Unix seconds) and <c>X-Weishi-Signature</c>
/// (<c>sha256=</c> hex HMAC-SHA256 of "timestamp.body" under the shared secret). Any 2xx answer means accepted; anything
/// else, no answer or no answer in time is a <see cref="SmsSendFailedException"/>. Nothing is kept in the outbox, so
/// codes are readable by no one but the phone's owner. The log names the masked phone only.
/// </summary>
public sealed class HttpSmsGatewaySender(HttpClient http, IOptions<SmsGatewayOptions> options, TimeProvider time, ILogger<HttpSmsGatewaySender> log)
    : ISmsSender
{
    public const string TimestampHeader = "X-Weishi-Timestamp";
    public const string SignatureHeader = "X-Weishi-Signature";

    public async Task SendAsync(string phone, string text, CancellationToken ct = default)
    {
        var settings = options.Value;
        var body = JsonSerializer.Serialize(new GatewayMessage(Guid.NewGuid().ToString("N"), phone, text), JsonSerializerOptions.Web);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, "sha256=" + Signature(settings.Secret!, timestamp, body));
        string failure;
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode) return;
            failure = $"短信网关拒绝了该短信（HTTP {(int)response.StatusCode}）";
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "SMS gateway unreachable for {Phone}", PersonalData.MaskPhone(phone));
            throw new SmsSendFailedException("无法连接短信网关", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("SMS gateway did not answer within {Seconds} s for {Phone}", settings.TimeoutSeconds, PersonalData.MaskPhone(phone));
            throw new SmsSendFailedException("短信网关未在规定时间内应答", e);
        }
        log.LogWarning("SMS gateway refused the message for {Phone}: {Failure}", PersonalData.MaskPhone(phone), failure);
        throw new SmsSendFailedException(failure);
    }

    /// <summary>Lower-case hex HMAC-SHA256 of "timestamp.body": what the gateway recomputes to check a post came from us.</summary>
    public static string Signature(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    private sealed record GatewayMessage(string MessageId, string Phone, string Text);
}
