using System.Net;

namespace Weishi.Web.Infrastructure.Sms;

/// <summary>
/// The operator's SMS gateway (<c>Sms:Gateway</c>): where <see cref="HttpSmsGatewaySender"/> posts each message and the
/// shared secret it signs them with. Without a URL, messages go to the development outbox (<see cref="OutboxSmsSender"/>).
/// </summary>
public sealed class SmsGatewayOptions
{
    public const string Section = "Sms:Gateway";

    public string? Url { get; set; }
    public string? Secret { get; set; }
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    /// <summary>What is wrong with the settings, in Chinese, or null. Phones and codes travel in the body, so the gateway
    /// is reached over HTTPS unless it listens on this machine.</summary>
    public string? Problem()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            return $"Sms:Gateway:Url 应为完整的网址（https://…），现为“{Url}”";
        if (url.Scheme == Uri.UriSchemeHttp && !IsLoopback(url))
            return "Sms:Gateway:Url 须使用 https（短信含手机号和验证码），仅本机网关可用 http";
        if (string.IsNullOrEmpty(Secret) || Secret.Length < 32)
            return "Sms:Gateway:Secret 须设置，至少 32 个字符（用于签名，网关据此核验请求来自本系统）";
        if (TimeoutSeconds is < 1 or > 60)
            return $"Sms:Gateway:TimeoutSeconds 应在 1 到 60 之间，现为 {TimeoutSeconds}";
        return null;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host, out var address) && IPAddress.IsLoopback(address));
}
