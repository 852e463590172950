using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public partial class ResidentJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task A_resident_signs_in_with_a_texted_code_on_a_375px_phone_and_finds_the_need_raised_before()
    {
        var phone = "137" + Random.Shared.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var page = await App.NewPageAsync(new ViewportSize { Width = 375, Height = 812 }, phone: true);
        async Task FitsTheScreenAsync() => Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        // A need raised anonymously, with the phone.
        var text = "楼下垃圾站异味大，希望加盖 " + Guid.NewGuid().ToString("N")[..6];
        await page.GotoAsync("/Portal/Submit");
        await page.GetByLabel("您希望解决什么事？").FillAsync(text);
        await page.GetByLabel("所在社区").SelectOptionAsync(new SelectOptionValue { Label = "六联社区" });
        await page.GetByLabel("联系电话（选填）").FillAsync(phone);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Portal/Track", StringComparison.Ordinal));

        // 居民登录 from the portal: a code by text message, then the resident's own page.
        await page.GotoAsync("/Portal");
        await page.GetByTestId("resident-sign-in").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/Account/Phone", StringComparison.Ordinal));
        await FitsTheScreenAsync();
        await page.GetByLabel("手机号码").FillAsync(phone);
        await page.GetByTestId("request-code").ClickAsync();
        await Assertions.Expect(page.GetByTestId("code-sent")).ToContainTextAsync(phone[..3] + "****" + phone[^4..]);
        await page.GetByLabel("短信验证码").FillAsync(await CodeSentToAsync(phone));
        await page.GetByTestId("sign-in").ClickAsync();
        // Signed in once the browser leaves the sign-in page (the landing page's own load can be slow on a loaded machine).
        await page.WaitForURLAsync(url => !url.Contains("/Account/Phone", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        Assert.Contains("/Home/Resident", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("my-demand").Filter(new() { HasText = text })).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await FitsTheScreenAsync();
    }

    private async Task<string> CodeSentToAsync(string phone)
    {
        using var scope = App.Factory.Services.CreateScope();
        var hash = await scope.ServiceProvider.GetRequiredService<PersonalData>().HashAsync(phone);
        var text = await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().SmsOutbox.Where(m => m.PhoneHash == hash)
            .OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync();
        return SixDigits().Match(text).Value;
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex SixDigits();
}
