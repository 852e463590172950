using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class SignInJourney(LiveApp app) : Journey(app)
{
    private async Task<string> OpenSessionAsync()
    {
        using var scope = App.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
        // A project under way: a completed or accepted project's sessions take no more sign-ins.
        var project = await db.Projects.Where(p => p.Type == ProjectType.Service && p.Status == ProjectStatus.InProgress).OrderBy(p => p.Id).FirstAsync();
        var now = DateTime.UtcNow;
        var session = new ActivitySession
        {
            ProjectId = project.Id, HeldOn = DateOnly.FromDateTime(now), StartsAtUtc = now.AddMinutes(-30), EndsAtUtc = now.AddHours(2),
            Place = "社区党群服务中心", Content = "长者智能手机课堂", Staff = "社工 刘", SignInToken = DeliveryServices.NewSignInToken(), CreatedAtUtc = now,
        };
        db.ActivitySessions.Add(session);
        await db.SaveChangesAsync();
        return session.SignInToken;
    }

    [Fact]
    public async Task A_participant_signs_in_on_a_phone()
    {
        var token = await OpenSessionAsync();
        var page = await App.NewPageAsync(phone: true);
        await page.GotoAsync($"/SignIn/{token}");
        await page.GetByLabel("姓名").FillAsync("陈阿姨");
        await page.GetByLabel("手机号码").FillAsync("13912345678");
        await page.GetByLabel("身份证号码（选填）").FillAsync("440310195805120010");
        await page.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        // A wrong check digit: told in Chinese, the form keeps name and phone.
        Assert.Contains("校验位", await page.GetByTestId("errors").TextContentAsync());
        Assert.Equal("陈阿姨", await page.GetByLabel("姓名").InputValueAsync());
        await page.GetByLabel("身份证号码（选填）").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "签到" }).ClickAsync();
        await page.GetByText("签到成功").WaitForAsync();
        // The form fits the phone's width: no horizontal scrolling.
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide");
    }
}
