using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>The project page as staff read it: names in its history, sessions only where they mean something, the
/// cost comparison in the budget's own unit.</summary>
[Collection(DemoCollection.Name)]
public class ProjectPageNamesTests(DemoApp app)
{
    private async Task<(int Id, AngleSharp.Html.Dom.IHtmlDocument Page)> ProposeAsync(ProjectType type, int? contractorId,
        params (string Item, string Unit, string Quantity, string Price)[] lines)
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var form = new Dictionary<string, string>
        {
            ["Input.Year"] = "2052", ["Input.RegionId"] = $"{regionId}", ["Input.Name"] = "页面显示测试" + Guid.NewGuid().ToString("N")[..6],
            ["Input.Type"] = type.ToString(), ["Input.Category"] = nameof(ProjectCategory.Safety),
            ["Input.Content"] = "更换小区损坏的照明设施", ["Input.TargetGroup"] = "小区居民", ["Input.Place"] = "六联社区",
            ["Input.Schedule"] = "三个月内完成", ["Input.PlannedBeneficiaries"] = "500", ["Input.PlannedSessions"] = "0",
            ["Input.ContractorId"] = contractorId?.ToString() ?? "",
            ["Input.Targets[0].Dimension"] = "Quantity", ["Input.Targets[0].Indicator"] = "完成数量", ["Input.Targets[0].Value"] = "20", ["Input.Targets[0].Unit"] = "项",
        };
        for (var k = 0; k < lines.Length; k++)
        {
            form[$"Input.Lines[{k}].Item"] = lines[k].Item;
            form[$"Input.Lines[{k}].Unit"] = lines[k].Unit;
            form[$"Input.Lines[{k}].Quantity"] = lines[k].Quantity;
            form[$"Input.Lines[{k}].UnitPrice"] = lines[k].Price;
        }
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var response = await staff.SubmitAsync("/Proposals/Create", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Fixtures.Errors(await staff.ReadAsync(response)));
        var url = response.Headers.Location!.OriginalString;
        var (_, page) = await staff.GetAsync(url);
        return (int.Parse(url.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture), page);
    }

    [Fact]
    public async Task The_history_names_the_contractor_and_the_community_not_their_ids()
    {
        var (contractorId, contractorName) = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            using var scope = app.Factory.Services.CreateScope();
            var pool = await scope.ServiceProvider.GetRequiredService<ContractorEligibility>().PoolAsync(ProjectCategory.Safety);
            var c = await db.Contractors.Where(c => pool.Contains(c.Id)).OrderBy(c => c.Id).Select(c => new { c.Id, c.Name }).FirstAsync();
            return (c.Id, c.Name);
        });

        var (_, page) = await ProposeAsync(ProjectType.Works, contractorId, ("路灯更换", "盏", "20", "800"));

        var history = page.QuerySelector("[data-testid=project-history]")!.TextContent;
        Assert.Contains("承接单位：" + contractorName, history);
        Assert.Contains("区域：六联", history);
        Assert.DoesNotContain("承接单位编号", history);
        Assert.DoesNotContain("区域编号", history);
    }

    [Fact]
    public async Task A_works_project_plans_no_sessions_and_its_unit_cost_reads_in_its_budget_unit()
    {
        var (_, lamps) = await ProposeAsync(ProjectType.Works, null, ("路灯更换", "盏", "20", "800"));
        Assert.Null(lamps.QuerySelector("[data-testid=planned-sessions]"));
        Assert.DoesNotContain("计划服务场次", lamps.QuerySelector("dl")!.TextContent);
        Assert.Equal("800.00 元/盏", lamps.QuerySelector("[data-testid=unit-cost]")!.TextContent.Trim());
        Assert.Null(lamps.QuerySelector("[data-testid=cost-unit-note]"));

        var (_, pipes) = await ProposeAsync(ProjectType.Works, null, ("排水管更换", "米", "300", "120"), ("施工管理费", "项", "1", "2000"));
        Assert.Contains("预算明细的计量单位（米）不是面积或件数，比价按整个项目计算（元/项）", pipes.QuerySelector("[data-testid=cost-unit-note]")!.TextContent);

        var (_, service) = await ProposeAsync(ProjectType.Service, null, ("讲师费", "场", "4", "800"));
        Assert.Equal("0 场", service.QuerySelector("[data-testid=planned-sessions]")!.TextContent.Trim());
    }
}
