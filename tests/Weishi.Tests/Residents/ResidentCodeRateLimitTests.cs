using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using static Weishi.Tests.Residents.ResidentHelpers;

namespace Weishi.Tests.Residents;

/// <summary>Sign-in code requests are limited per client address (each sends a text), on an app of its own with a low limit.</summary>
public class ResidentCodeRateLimitTests
{
    [Fact]
    public async Task The_third_code_request_within_a_minute_is_refused_but_entering_a_code_and_reading_are_not()
    {
        await using var app = await OwnApp.StartAsync(("RateLimits:PhoneCodesPerMinute", "2"));
        var browser = Browser.For(app.Factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await AskCodeAsync(browser, NewPhone())).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, await Fixtures.QueryAsync(app.Factory, db => db.SmsOutbox.CountAsync()));
        Assert.Equal(HttpStatusCode.OK, (await EnterCodeAsync(browser, NewPhone(), "123456")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Account/Phone")).Status);
    }
}
