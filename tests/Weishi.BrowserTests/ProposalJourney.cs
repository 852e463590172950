using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.BrowserTests;

/// <summary>Issue 5 end to end: draft → council score → selection → publicity → objection answered → approval → portal.</summary>
[Collection(LiveAppCollection.Name)]
public class ProposalJourney(LiveApp app) : Journey(app)
{
    private const int Year = 2095;

    [Fact]
    public async Task A_proposal_becomes_an_approved_project_on_the_portal()
    {
        int regionId;
        using (var scope = App.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            regionId = await db.Regions.Where(r => r.Code == "440310001001").Select(r => r.Id).SingleAsync();
            db.AnnualBudgets.Add(new Weishi.Web.Features.Budgets.AnnualBudget { RegionId = regionId, Year = Year, DistrictFundsFen = 50_0000_00 });
            await db.SaveChangesAsync();
        }

        // 1. Community staff draft and submit the proposal with budget lines and targets.
        var staff = await App.LoginAsync("cs-ll");
        await staff.GotoAsync($"/Proposals/Create?year={Year}");
        await staff.GetByLabel("项目名称").FillAsync("长者智能手机课堂");
        await staff.GetByLabel("项目内容").FillAsync("每月两次教长者使用智能手机、防范电信诈骗");
        await staff.GetByLabel("服务对象").FillAsync("60岁以上长者");
        await staff.GetByLabel("实施地点").FillAsync("六联社区党群服务中心");
        await staff.GetByLabel("时间安排").FillAsync("全年每月两次");
        await staff.GetByLabel("计划受益人数").FillAsync("200");
        await staff.GetByLabel("计划服务场次").FillAsync("24");
        // Sessions are planned for services only: the field hides for works and comes back for a service.
        await staff.GetByLabel("项目类型").SelectOptionAsync("Works");
        await Assertions.Expect(staff.GetByTestId("sessions-field")).ToBeHiddenAsync();
        await staff.GetByLabel("项目类型").SelectOptionAsync("Service");
        await Assertions.Expect(staff.GetByTestId("sessions-field")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByLabel("计划服务场次")).ToHaveValueAsync("24");
        await staff.GetByLabel("支出项目1", new() { Exact = true }).FillAsync("讲师费");
        await staff.GetByLabel("单位1", new() { Exact = true }).FillAsync("场");
        await staff.GetByLabel("数量1", new() { Exact = true }).FillAsync("24");
        await staff.GetByLabel("单价1", new() { Exact = true }).FillAsync("1000");
        await staff.GetByLabel("目标值1", new() { Exact = true }).FillAsync("24");
        await staff.GetByLabel("目标值6", new() { Exact = true }).FillAsync("90");
        await staff.GetByRole(AriaRole.Button, new() { Name = "保存并申报" }).ClickAsync();
        await staff.WaitForURLAsync(url => url.Contains("/Projects/Detail/", StringComparison.Ordinal));
        var projectId = int.Parse(staff.Url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("已申报", (await staff.GetByTestId("project-status").TextContentAsync())?.Trim());
        Assert.Contains("开展活动场次", await staff.GetByTestId("targets").TextContentAsync());

        // 2. The district publishes the year's screening rubric (the standard criteria; opening the page publishes nothing),
        //    then the residents' council scores the proposal with it.
        var district = await App.LoginAsync("district");
        await district.GotoAsync($"/Screening/Rubric?year={Year}");
        await district.GetByTestId("rubric-none").WaitForAsync();
        await district.GetByRole(AriaRole.Button, new() { Name = "发布第 1 版" }).ClickAsync();
        Assert.Equal("1", (await district.GetByTestId("rubric-version").TextContentAsync())?.Trim());
        await staff.GotoAsync("/Council");
        await staff.GetByLabel("年度").FillAsync(Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await staff.GetByLabel("会议日期").FillAsync($"{Year - 1}-12-01");
        await staff.GetByLabel("法定人数").FillAsync("1");
        await staff.GetByLabel("会议地点").FillAsync("六联社区党群服务中心");
        await staff.GetByLabel("成员（每行一人，人大代表写“姓名,代表”）").FillAsync("张代表,代表\n李居民");
        await staff.GetByRole(AriaRole.Button, new() { Name = "登记会议" }).ClickAsync();
        await staff.WaitForURLAsync(url => url.Contains("/Council/Session/", StringComparison.Ordinal));
        foreach (var input in await staff.Locator("input[name^='points[']").AllAsync()) await input.FillAsync("8");
        await staff.GetByLabel("意见").FillAsync("长者需求迫切");
        await staff.GetByRole(AriaRole.Button, new() { Name = "记录评分" }).ClickAsync();
        Assert.Contains("80.00", await staff.GetByTestId("ranking").TextContentAsync());

        // 3. Selection within the community's budget, then the subdistrict approves it for publicity.
        await staff.GotoAsync($"/Selection?regionId={regionId}&year={Year}");
        Assert.Equal("入选", (await staff.Locator($"tr[data-project='{projectId}'] [data-testid=outcome]").TextContentAsync())?.Trim());
        await staff.GetByRole(AriaRole.Button, new() { Name = "确定入选项目并报街道审核" }).ClickAsync();
        await staff.GetByText("已确定 1 个项目").WaitForAsync();

        var officer = await App.LoginAsync("sd-ps");
        await officer.GotoAsync($"/Projects/Detail/{projectId}");
        await officer.GetByRole(AriaRole.Button, new() { Name = "审核通过并公示" }).ClickAsync();
        Assert.Equal("公示中", (await officer.GetByTestId("project-status").TextContentAsync())?.Trim());

        // 4. A resident objects on the portal during publicity.
        var resident = await App.NewPageAsync(phone: true);
        await resident.GotoAsync($"/Public/Projects/Detail/{projectId}");
        await resident.GetByTestId("publicity-notice").WaitForAsync();
        await resident.GetByLabel("异议内容").FillAsync("希望增加周末场次，方便上班的子女陪同");
        await resident.GetByRole(AriaRole.Button, new() { Name = "提交异议" }).ClickAsync();
        await resident.GetByText("您的异议已提交").WaitForAsync();

        // 5. Seven days pass; approval is refused until the objection is answered.
        // The application's clock moves on a week (stored times are untouched); sign-ins of a week ago have expired.
        using var weekLater = App.Factory.Clock.Advance(TimeSpan.FromDays(Weishi.Web.Features.Publicity.PublicityNotice.DefaultDays).Add(TimeSpan.FromMinutes(1)));
        officer = await App.LoginAsync("sd-ps");
        staff = await App.LoginAsync("cs-ll");
        await officer.GotoAsync($"/Publicity/Project/{projectId}");
        await officer.GetByLabel("审批意见").FillAsync("同意实施");
        await officer.GetByRole(AriaRole.Button, new() { Name = "审批通过，开始实施" }).ClickAsync();
        Assert.Contains("未答复", await officer.GetByTestId("error").TextContentAsync());

        await staff.GotoAsync($"/Publicity/Project/{projectId}");
        await staff.GetByLabel("答复内容").FillAsync("已增加每月一次周末场次");
        await staff.GetByRole(AriaRole.Button, new() { Name = "答复" }).ClickAsync();
        await staff.GetByText("已答复异议").WaitForAsync();

        await officer.GotoAsync($"/Publicity/Project/{projectId}");
        await officer.GetByLabel("审批意见").FillAsync("经审核，同意实施");
        await officer.GetByRole(AriaRole.Button, new() { Name = "审批通过，开始实施" }).ClickAsync();
        await officer.WaitForURLAsync(url => url.Contains("/Projects/Detail/", StringComparison.Ordinal));
        Assert.Equal("实施中", (await officer.GetByTestId("project-status").TextContentAsync())?.Trim());
        Assert.Contains("街道审批通过：经审核，同意实施", await officer.GetByTestId("timeline").TextContentAsync());

        // 6. The approved project is on the portal with its budget, targets and the answered objection.
        await resident.GotoAsync($"/Public/Projects?year={Year}");
        await resident.GetByRole(AriaRole.Link, new() { Name = "长者智能手机课堂" }).ClickAsync();
        Assert.Equal("实施中", (await resident.GetByTestId("public-status").TextContentAsync())?.Trim());
        Assert.Contains("24,000.00", await resident.GetByTestId("public-budget").TextContentAsync());
        Assert.Contains("服务对象满意度", await resident.GetByTestId("public-targets").TextContentAsync());
        await resident.GetByText("答复：已增加每月一次周末场次").WaitForAsync();
    }
}
