using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Contractors;

namespace Weishi.BrowserTests;

[Collection(LiveAppCollection.Name)]
public class ContractorAdmissionJourney(LiveApp app) : Journey(app)
{
    private static string NewCreditCode()
    {
        var body = "5244" + string.Concat(Enumerable.Range(0, 13).Select(_ => CreditCode.Alphabet[Random.Shared.Next(CreditCode.Alphabet.Length)]));
        return body + CreditCode.CheckCharacter(body);
    }

    [Fact]
    public async Task A_contractor_applies_the_district_admits_it_and_it_joins_the_pool()
    {
        var name = "坪山区旅程测试长者服务社" + Random.Shared.Next(1000, 9999);
        var code = NewCreditCode();

        // The district registers the organisation.
        var district = await App.LoginAsync("district");
        await district.GotoAsync("/Contractors/Edit");
        await district.GetByLabel("单位名称").FillAsync(name);
        await district.GetByLabel("统一社会信用代码").FillAsync(code);
        await district.GetByLabel("登记成立日期").FillAsync("2016-04-01");
        await district.GetByLabel("专职人员数").FillAsync("9");
        await district.GetByLabel("持证社工人数").FillAsync("3");
        await district.GetByLabel("长者关爱").CheckAsync();
        await district.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(district.GetByTestId("contractor-name")).ToHaveTextAsync(name);

        // Its liaison gets an account.
        var userName = "journey" + Random.Shared.Next(10000, 99999);
        using (var scope = App.Factory.Services.CreateScope())
        {
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(userName, "旅程联络员", Weishi.Web.Features.Demo.DemoAccounts.Password, AppRole.Contractor, code);
            Assert.True(user is not null, string.Join(";", errors));
        }

        // The contractor applies for 长者关爱 with its registration certificate.
        var contractor = await App.LoginAsync(userName);
        await contractor.GotoAsync("/Contractors/Admission/Apply");
        await contractor.GetByLabel("申请类别").SelectOptionAsync(new SelectOptionValue { Label = "长者关爱" });
        await contractor.GetByLabel("申请说明").FillAsync("我单位有 3 名持证社工，长期开展长者探访。");
        await contractor.Locator("#Files").SetInputFilesAsync(new FilePayload { Name = "登记证书.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n证书\n"u8.ToArray() });
        await contractor.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(contractor.GetByTestId("message")).ToContainTextAsync("自动评估：准入");

        // The district reviews and admits it.
        await district.GotoAsync("/Contractors/Admission?status=Submitted");
        await district.GetByRole(AriaRole.Row).Filter(new() { HasText = name }).GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        await Assertions.Expect(district.GetByTestId("current-verdict")).ToContainTextAsync("准入");
        await Assertions.Expect(district.GetByRole(AriaRole.Link, new() { Name = "登记证书.pdf" })).ToBeVisibleAsync();
        await district.GetByLabel("准入", new() { Exact = true }).CheckAsync();
        await district.GetByLabel("审核意见").FillAsync("材料齐全，同意准入");
        await district.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await Assertions.Expect(district.GetByTestId("message")).ToContainTextAsync("准入");

        // It is now in the 长者关爱 pool and may be chosen.
        await district.GotoAsync("/Contractors/Admission/Pool?category=Elderly");
        await Assertions.Expect(district.GetByTestId("pool-table")).ToContainTextAsync(name);
        await district.GetByLabel("查询单位").SelectOptionAsync(new SelectOptionValue { Label = name });
        await district.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        await Assertions.Expect(district.GetByTestId("eligibility")).ToContainTextAsync("可以选择");
    }
}
