using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Publicity;
using Weishi.Web.Features.Regions;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>A subdistrict's cross-community project runs on the subdistrict's own budget, set on the budget page.</summary>
[Collection(DemoCollection.Name)]
public class CrossCommunityTests(DemoApp app)
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> MoveAsync(Browser who, int id, ProjectStatus to) =>
        who.SubmitAsync($"/Projects/Detail/{id}", new() { ["to"] = to.ToString() }, postUrl: $"/Projects/Detail/{id}?handler=Move");

    [Fact]
    public async Task A_cross_community_project_is_budgeted_approved_and_charged_to_the_subdistrict()
    {
        const int year = 2071;
        var (subdistrictId, subdistrictCode) = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var parent = await db.Regions.Where(r => r.Code == Fixtures.LiuLian).Select(r => r.ParentId!.Value).SingleAsync();
            var s = await db.Regions.SingleAsync(r => r.Id == parent && r.Level == RegionLevel.Subdistrict);
            return (s.Id, s.Code);
        });
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");

        // 1. The subdistrict officer proposes a project across its communities (region = the subdistrict).
        var created = await officer.SubmitAsync("/Proposals/Create", new()
        {
            ["Input.Year"] = S(year), ["Input.RegionId"] = S(subdistrictId), ["Input.Name"] = "坪山街道跨社区长者助餐配送",
            ["Input.Type"] = nameof(ProjectType.Service), ["Input.Category"] = nameof(ProjectCategory.Elderly),
            ["Input.Content"] = "为六联、六和等社区行动不便的长者配送午餐", ["Input.TargetGroup"] = "80岁以上独居长者",
            ["Input.Place"] = "坪山街道各社区", ["Input.Schedule"] = "全年工作日", ["Input.PlannedBeneficiaries"] = "120", ["Input.PlannedSessions"] = "250",
            ["Input.Lines[0].Item"] = "配送服务费", ["Input.Lines[0].Unit"] = "天", ["Input.Lines[0].Quantity"] = "250", ["Input.Lines[0].UnitPrice"] = "1000",
            ["Input.Targets[0].Dimension"] = nameof(Weishi.Web.Features.Proposals.TargetDimension.Quantity), ["Input.Targets[0].Indicator"] = "配送天数",
            ["Input.Targets[0].Value"] = "250", ["Input.Targets[0].Unit"] = "天",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var project = await Fixtures.QueryAsync(app.Factory, db => db.Projects.AsNoTracking().SingleAsync(p => p.Name == "坪山街道跨社区长者助餐配送" && p.Year == year));
        Assert.Equal(subdistrictId, project.RegionId);
        Assert.Contains("X-", project.Code);
        // Submission and community review are other tests' business: put it before the subdistrict, scored.
        await Fixtures.ExecAsync(app.Factory, db => db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProjectStatus.SubdistrictReview)));
        await Fixtures.ScoreAsync(app.Factory, project.Id, 85);

        // 2. Without a subdistrict budget the project cannot be committed.
        Assert.Contains("预算尚未下达", Fixtures.Errors(await officer.ReadAsync(await MoveAsync(officer, project.Id, ProjectStatus.Publicity))));

        // 3. The district sets the subdistrict's budget on the budget page (bad input changes nothing).
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync($"/Budgets?year={year}");
        Assert.Contains("未下达预算", page.QuerySelector($"[data-testid=subdistrict-budget-table] tr[data-subdistrict='{subdistrictCode}']")!.TextContent);
        Assert.Contains("金额不能为负数", Fixtures.Errors(await district.ReadAsync(await district.SubmitAsync($"/Budgets?year={year}",
            new() { ["regionId"] = S(subdistrictId), ["year"] = S(year), ["districtFunds"] = "-5" }, postUrl: "/Budgets?handler=Funds",
            formSelector: $"tr[data-subdistrict='{subdistrictCode}'] form"))));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.AnnualBudgets.AnyAsync(b => b.RegionId == subdistrictId && b.Year == year)));
        Assert.Equal(HttpStatusCode.Redirect, (await district.SubmitAsync($"/Budgets?year={year}",
            new() { ["regionId"] = S(subdistrictId), ["year"] = S(year), ["districtFunds"] = "150000" }, postUrl: "/Budgets?handler=Funds",
            formSelector: $"tr[data-subdistrict='{subdistrictCode}'] form")).StatusCode);
        Assert.Equal(150000_00, await Fixtures.QueryAsync(app.Factory, db => db.AnnualBudgets.Where(b => b.RegionId == subdistrictId && b.Year == year).Select(b => b.DistrictFundsFen).SingleAsync()));

        // 4. Now it enters publicity, charged to the subdistrict: 25 万元 committed there.
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, project.Id, ProjectStatus.Publicity)).StatusCode);
        (_, page) = await district.GetAsync($"/Budgets?year={year}");
        var row = page.QuerySelector($"[data-testid=subdistrict-budget-table] tr[data-subdistrict='{subdistrictCode}']")!.TextContent;
        Assert.Contains("25.00", row);
        Assert.DoesNotContain("25.00", page.QuerySelector($"[data-testid=budget-table] tr[data-community='{Fixtures.LiuLian}']")!.TextContent);

        // 5. Publicity passes on the clock; the officer approves; the project is under way.
        using var passed = app.Factory.Clock.Advance(TimeSpan.FromDays(PublicityNotice.DefaultDays).Add(TimeSpan.FromMinutes(1)));
        officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync($"/Publicity/Project/{project.Id}", new() { ["comment"] = "跨社区项目，同意实施" },
            postUrl: $"/Publicity/Project/{project.Id}?handler=Approve")).StatusCode);
        Assert.Equal(ProjectStatus.InProgress, await TestData.StatusAsync(app.Factory, project.Id));
    }
}
