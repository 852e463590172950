using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Proposals;

namespace Weishi.Tests.ProposalToApproval;

[Collection(DemoCollection.Name)]
public class ProposalFormTests(DemoApp app)
{
    private static int _n;

    private async Task<Dictionary<string, string>> FormAsync(string name, string community = Fixtures.LiuLian, int year = 2051)
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, community);
        return new()
        {
            ["Input.Year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.RegionId"] = regionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = name,
            ["Input.Type"] = nameof(ProjectType.Service),
            ["Input.Category"] = nameof(ProjectCategory.Elderly),
            ["Input.Content"] = "每月为辖区长者开展两次健康讲座和义诊",
            ["Input.TargetGroup"] = "60岁以上长者",
            ["Input.Place"] = "六联社区党群服务中心",
            ["Input.Schedule"] = "全年每月两次",
            ["Input.PlannedBeneficiaries"] = "300",
            ["Input.PlannedSessions"] = "24",
            ["Input.Lines[0].Item"] = "讲师费",
            ["Input.Lines[0].Unit"] = "场",
            ["Input.Lines[0].Quantity"] = "24",
            ["Input.Lines[0].UnitPrice"] = "800.50",
            ["Input.Lines[1].Item"] = "物料",
            ["Input.Lines[1].Unit"] = "批",
            ["Input.Lines[1].Quantity"] = "1.5",
            ["Input.Lines[1].UnitPrice"] = "3000",
            ["Input.Targets[0].Dimension"] = nameof(TargetDimension.Quantity),
            ["Input.Targets[0].Indicator"] = "开展活动场次",
            ["Input.Targets[0].Value"] = "24",
            ["Input.Targets[0].Unit"] = "场",
            ["Input.Targets[1].Dimension"] = nameof(TargetDimension.Satisfaction),
            ["Input.Targets[1].Indicator"] = "服务对象满意度",
            ["Input.Targets[1].Value"] = "90",
            ["Input.Targets[1].Unit"] = "%",
        };
    }

    private static string Unique(string stem) => $"{stem}{Interlocked.Increment(ref _n)}-{Guid.NewGuid().ToString("N")[..4]}";

    private Task<int> CountAsync(string name) => Fixtures.QueryAsync(app.Factory, db => db.Projects.CountAsync(p => p.Name == name));

    [Fact]
    public async Task A_proposal_may_only_name_a_contractor_admitted_for_its_category_and_not_suspended()
    {
        // Ask the contractors registry (issue 9) which contractors it refuses for elderly services, and why.
        var verdicts = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var ids = await db.Contractors.Select(c => c.Id).ToListAsync();
            using var scope = app.Factory.Services.CreateScope();
            var eligibility = scope.ServiceProvider.GetRequiredService<Weishi.Web.Features.Contractors.Admission.ContractorEligibility>();
            var list = new List<(int Id, string? Refusal)>();
            foreach (var id in ids) list.Add((id, await eligibility.RefusalAsync(id, ProjectCategory.Elderly)));
            return list;
        });
        var eligible = verdicts.First(v => v.Refusal is null).Id;
        var refused = verdicts.Where(v => v.Refusal is not null).ToList();
        Assert.NotEmpty(refused);
        Assert.Contains(refused, v => v.Refusal!.Contains("暂停", StringComparison.Ordinal));

        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        foreach (var (id, refusal) in refused.Take(3).Append(refused.First(v => v.Refusal!.Contains("暂停", StringComparison.Ordinal))))
        {
            var name = Unique("长者助餐");
            var form = await FormAsync(name);
            form["Input.ContractorId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var response = await staff.SubmitAsync("/Proposals/Create", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(refusal!, Fixtures.Errors(await staff.ReadAsync(response)));
            Assert.Equal(0, await CountAsync(name));
        }
        var okName = Unique("长者助餐");
        var okForm = await FormAsync(okName);
        okForm["Input.ContractorId"] = eligible.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync("/Proposals/Create", okForm)).StatusCode);
        Assert.Equal(1, await CountAsync(okName));
    }

    [Fact]
    public async Task Staff_draft_a_proposal_with_budget_lines_and_targets()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("长者健康讲座");
        var response = await staff.SubmitAsync("/Proposals/Create", await FormAsync(name));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var p = await db.Projects.Include(x => x.BudgetLines).SingleAsync(x => x.Name == name);
            var targets = await db.PerformanceTargets.Where(t => t.ProjectId == p.Id).ToListAsync();
            var details = await db.ProposalDetails.SingleAsync(d => d.ProjectId == p.Id);
            return (p, targets, details);
        });
        Assert.Equal(ProjectStatus.Draft, stored.p.Status);
        Assert.Equal(24 * 800_50 + 4500_00, stored.p.BudgetLines.Sum(l => l.AmountFen));
        Assert.Equal(2, stored.targets.Count);
        Assert.Contains(stored.targets, t => t.Indicator == "服务对象满意度" && t.TargetValue == 90 && t.Unit == "%");
        Assert.Equal("60岁以上长者", stored.details.TargetGroup);
        Assert.StartsWith("2051-PS-", stored.p.Code);

        var (_, page) = await staff.GetAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("开展活动场次", page.QuerySelector("[data-testid=targets]")!.TextContent);
    }

    [Fact]
    public async Task A_proposal_links_the_residents_demands_it_answers()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var demandId = await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var d = new Web.Features.Demands.Demand { Text = "希望社区开设长者手机课", Channel = Web.Features.Demands.DemandChannel.Visit, RegionId = regionId,
                SubmittedAtUtc = DateTime.UtcNow, Status = Web.Features.Demands.DemandStatus.Accepted };
            db.Demands.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("长者手机课");
        var form = await FormAsync(name);
        form["Input.DemandIds"] = demandId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync("/Proposals/Create", form)).StatusCode);
        var linked = await Fixtures.QueryAsync(app.Factory, db => db.Demands.Where(d => d.Id == demandId).Select(d => new { d.Project!.Name, d.Status }).SingleAsync());
        Assert.Equal(name, linked.Name);
        Assert.Equal(Web.Features.Demands.DemandStatus.Converted, linked.Status);
    }

    [Fact]
    public async Task Submitting_moves_the_proposal_to_submitted()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("儿童四点半课堂");
        var form = await FormAsync(name);
        form["submitAs"] = "submit";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync("/Proposals/Create", form)).StatusCode);
        Assert.Equal(ProjectStatus.Submitted, await Fixtures.QueryAsync(app.Factory, db => db.Projects.Where(p => p.Name == name).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_negative_list_blocks_with_the_rules_text_and_saves_nothing()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("小区物业管理补贴");
        var response = await staff.SubmitAsync("/Proposals/Create", await FormAsync(name));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Fixtures.Errors(await staff.ReadAsync(response));
        Assert.Contains("负面清单“物业管理职责”", errors);
        Assert.Contains("不得使用民生微实事资金", errors);
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task A_budget_over_the_type_cap_is_refused()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("长者助餐");
        var form = await FormAsync(name);
        form["Input.Lines[0].Quantity"] = "1";
        form["Input.Lines[0].UnitPrice"] = "500000";   // + 4,500 of materials: over the 50 万元 service cap
        var response = await staff.SubmitAsync("/Proposals/Create", form);
        var errors = Fixtures.Errors(await staff.ReadAsync(response));
        Assert.Contains("服务类项目每个不超过 50.00 万元", errors);
        Assert.Equal(0, await CountAsync(name));

        // 工程类 allows up to 100 万元 by default.
        form["Input.Type"] = nameof(ProjectType.Works);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync("/Proposals/Create", form)).StatusCode);
        Assert.Equal(1, await CountAsync(name));
    }

    [Theory]
    [InlineData("Input.Lines[0].Quantity", "-3", "数量必须大于 0")]
    [InlineData("Input.Lines[0].Quantity", "abc", "数量应为数字")]
    [InlineData("Input.Lines[0].Quantity", "99999999", "数量不合理")]
    [InlineData("Input.Lines[0].UnitPrice", "-10", "金额不能为负数")]
    [InlineData("Input.Lines[0].UnitPrice", "0", "单价必须大于 0")]
    [InlineData("Input.Lines[0].UnitPrice", "99999999", "单价不合理")]
    [InlineData("Input.Targets[0].Unit", "", "请填写计量单位")]
    [InlineData("Input.Targets[1].Value", "很多", "目标值应为不小于 0 的数字")]
    [InlineData("Input.Name", "", "请填写项目名称")]
    public async Task Bad_input_gets_a_Chinese_message_and_saves_nothing(string field, string value, string message)
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("社区义剪");
        var form = await FormAsync(name);
        form[field] = value;
        var before = await Fixtures.QueryAsync(app.Factory, db => db.Projects.CountAsync(p => p.Year == 2051));
        var response = await staff.SubmitAsync("/Proposals/Create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Fixtures.Errors(await staff.ReadAsync(response)));
        Assert.Equal(0, await CountAsync(name));
        Assert.True(await Fixtures.QueryAsync(app.Factory, db => db.Projects.CountAsync(p => p.Year == 2051)) >= before);
    }

    [Fact]
    public async Task Staff_cannot_propose_for_another_community()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("跨界申报");
        var response = await staff.SubmitAsync("/Proposals/Create", await FormAsync(name, Fixtures.LiuHe));
        Assert.Contains("请选择您负责的社区", Fixtures.Errors(await staff.ReadAsync(response)));
        Assert.Equal(0, await CountAsync(name));
    }

    [Fact]
    public async Task A_proposal_can_be_copied_from_last_years_project()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("长者合唱团");
        var response = await staff.SubmitAsync("/Proposals/Create", await FormAsync(name, year: 2052));
        var id = response.Headers.Location!.OriginalString.Split('/').Last();
        var (_, page) = await staff.GetAsync($"/Proposals/Create?copyFrom={id}");
        Assert.Equal(name, page.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Equal("2053", page.QuerySelector("#year")!.GetAttribute("value"));
        Assert.Equal("讲师费", page.QuerySelector("input[name='Input.Lines[0].Item']")!.GetAttribute("value"));
        Assert.Equal("服务对象满意度", page.QuerySelector("input[name='Input.Targets[1].Indicator']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_district_maintains_the_negative_list_and_caps()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var keyword = "测试禁用词" + Guid.NewGuid().ToString("N")[..6];
        var response = await district.SubmitAsync("/Screening/Rules", new() { ["title"] = "测试规则", ["text"] = "测试用的负面清单规则", ["keywords"] = keyword },
            postUrl: "/Screening/Rules?handler=Rule");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var name = Unique("含" + keyword + "的项目");
        var refused = await staff.SubmitAsync("/Proposals/Create", await FormAsync(name));
        Assert.Contains("测试用的负面清单规则", Fixtures.Errors(await staff.ReadAsync(refused)));

        // Caps are per year: lowering 2054's service cap to 1 万元 blocks a 2.37 万元 proposal there.
        await district.SubmitAsync("/Screening/Rules?year=2054", new() { ["year"] = "2054", ["type"] = "Service", ["cap"] = "10000" },
            postUrl: "/Screening/Rules?handler=Cap");
        var capped = await staff.SubmitAsync("/Proposals/Create", await FormAsync(Unique("长者茶话会"), year: 2054));
        Assert.Contains("1.00 万元", Fixtures.Errors(await staff.ReadAsync(capped)));
        Assert.Equal(10000_00, await Fixtures.QueryAsync(app.Factory, db => db.ProjectTypeCaps.Where(c => c.Year == 2054 && c.Type == ProjectType.Service).Select(c => c.CapFen).SingleAsync()));

        // Staff may read the list but not change it.
        var forbidden = await staff.SubmitAsync("/Screening/Rules", new() { ["title"] = "x", ["text"] = "y", ["keywords"] = "z" }, postUrl: "/Screening/Rules?handler=Rule");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Sessions_are_planned_for_services_only()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, page) = await staff.GetAsync("/Proposals/Create");
        Assert.False(page.QuerySelector("[data-testid=sessions-field]")!.HasAttribute("hidden"));

        // A works proposal ignores whatever sessions were sent, even out of range, and stores none.
        var name = Unique("道路修缮");
        var form = await FormAsync(name);
        form["Input.Type"] = nameof(ProjectType.Works);
        form["Input.PlannedSessions"] = "99999";
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync("/Proposals/Create", form)).StatusCode);
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Projects.Where(p => p.Name == name).Select(p => p.PlannedSessions).SingleAsync()));

        // Re-rendered for a works proposal (here refused for a missing name), the field stays hidden.
        form["Input.Name"] = "";
        var refused = await staff.ReadAsync(await staff.SubmitAsync("/Proposals/Create", form));
        Assert.True(refused.QuerySelector("[data-testid=sessions-field]")!.HasAttribute("hidden"));

        // A service keeps its sessions.
        var service = Unique("长者讲座");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync("/Proposals/Create", await FormAsync(service))).StatusCode);
        Assert.Equal(24, await Fixtures.QueryAsync(app.Factory, db => db.Projects.Where(p => p.Name == service).Select(p => p.PlannedSessions).SingleAsync()));
    }
}
