using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Infrastructure.Sms;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Residents;

/// <summary>Texts through the operator's gateway (<c>Sms:Gateway</c>), on an app of its own and a gateway on a loopback port.</summary>
public partial class SmsGatewayTests
{
    private const string Secret = "gateway-shared-secret-0123456789abcdef";

    private static Task<OwnApp> AppWithAsync(LoopbackSmsGateway gateway) =>
        OwnApp.StartAsync(("Sms:Gateway:Url", gateway.Url), ("Sms:Gateway:Secret", Secret));

    [Fact]
    public async Task A_sign_in_code_goes_to_the_gateway_signed_with_the_shared_secret_is_kept_nowhere_and_signs_the_resident_in()
    {
        await using var gateway = await LoopbackSmsGateway.StartAsync();
        await using var app = await AppWithAsync(gateway);
        var browser = Browser.For(app.Factory);
        var phone = NewPhone();

        var asked = await AskCodeAsync(browser, phone);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Equal("", Error(await browser.ReadAsync(asked)));

        var post = Assert.Single(gateway.Posts);
        Assert.StartsWith("application/json", post.ContentType);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(post.Timestamp + "." + post.Body)));
        Assert.Equal("sha256=" + expected, post.Signature);
        Assert.InRange(long.Parse(post.Timestamp!, System.Globalization.CultureInfo.InvariantCulture),
            app.Factory.Clock.GetUtcNow().ToUnixTimeSeconds() - 5, app.Factory.Clock.GetUtcNow().ToUnixTimeSeconds() + 5);
        using var message = JsonDocument.Parse(post.Body);
        Assert.Equal(phone, message.RootElement.GetProperty("phone").GetString());
        Assert.Matches("^[0-9a-f]{32}$", message.RootElement.GetProperty("messageId").GetString());
        var text = message.RootElement.GetProperty("text").GetString()!;
        Assert.Contains("登录验证码", text);
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.SmsOutbox.CountAsync()));

        var signedIn = await EnterCodeAsync(browser, phone, SixDigits().Match(text).Value);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/Home/Resident", signedIn.Headers.Location!.ToString());
    }

    [Fact]
    public async Task A_code_the_gateway_refuses_or_cannot_be_reached_for_is_reported_stored_nowhere_and_does_not_count_against_the_phone()
    {
        var gateway = await LoopbackSmsGateway.StartAsync();
        await using var app = await AppWithAsync(gateway);
        var browser = Browser.For(app.Factory);
        var phone = NewPhone();
        var hash = await HashAsync(app.Factory, phone);
        Task<int> CodesAsync() => Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.CountAsync(c => c.PhoneHash == hash));

        gateway.Status = HttpStatusCode.ServiceUnavailable;
        for (var i = 0; i <= PhoneCodes.MaxPerLifetime; i++)
        {
            var refused = await AskCodeAsync(browser, phone);
            Assert.Equal(PhoneCodes.NotSent, Error(await browser.ReadAsync(refused)));
        }
        Assert.Equal(PhoneCodes.MaxPerLifetime + 1, gateway.Posts.Count);
        Assert.Equal(0, await CodesAsync());

        gateway.Status = HttpStatusCode.OK;
        Assert.Equal("", Error(await browser.ReadAsync(await AskCodeAsync(browser, phone))));
        Assert.Equal(1, await CodesAsync());

        await gateway.DisposeAsync();
        Assert.Equal(PhoneCodes.NotSent, Error(await browser.ReadAsync(await AskCodeAsync(browser, NewPhone()))));
        Assert.Equal(1, await Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.CountAsync()));
    }

    [Fact]
    public async Task A_gateway_that_does_not_answer_in_time_is_a_code_not_sent()
    {
        await using var gateway = await LoopbackSmsGateway.StartAsync();
        gateway.Delay = TimeSpan.FromMinutes(2);
        await using var app = await OwnApp.StartAsync(("Sms:Gateway:Url", gateway.Url), ("Sms:Gateway:Secret", Secret), ("Sms:Gateway:TimeoutSeconds", "1"));
        var browser = Browser.For(app.Factory);

        Assert.Equal(PhoneCodes.NotSent, Error(await browser.ReadAsync(await AskCodeAsync(browser, NewPhone()))));
        Assert.Single(gateway.Posts);
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.PhoneCodes.CountAsync()));
    }

    [Theory]
    [InlineData("http://sms.example.cn/send", Secret, "须使用 https")]
    [InlineData("sms.example.cn/send", Secret, "完整的网址")]
    [InlineData("https://sms.example.cn/send", "short", "至少 32 个字符")]
    public async Task Wrong_gateway_settings_stop_the_start_with_the_reason_in_Chinese(string url, string secret, string reason)
    {
        await using var app = await OwnApp.StartAsync(("Sms:Gateway:Url", url), ("Sms:Gateway:Secret", secret));
        var refused = Assert.Throws<InvalidOperationException>(() => app.Factory.CreateClient());
        Assert.Contains("短信网关配置有误", refused.Message);
        Assert.Contains(reason, refused.Message);
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
