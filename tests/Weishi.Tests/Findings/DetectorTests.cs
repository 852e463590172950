using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Findings;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Selection;
using Weishi.Web.Features.Surveys;
using Xunit;

namespace Weishi.Tests.Findings;

/// <summary>Each detector fires on a crafted example and stays silent on a clean one (each in its own far-future year).</summary>
[Collection(DemoCollection.Name)]
public class DetectorTests(DemoApp app)
{
    private Task<Finding?> Detect(string type, int year) => FindingData.DetectAsync(app.Factory, type, FindingData.Year(year));

    [Fact]
    public async Task One_off_services_fire_above_half_and_not_at_exactly_half()
    {
        await FindingData.ProjectAsync(app.Factory, 2137, oneOff: true);
        await FindingData.ProjectAsync(app.Factory, 2137, oneOff: true);
        await FindingData.ProjectAsync(app.Factory, 2137);
        await FindingData.ProjectAsync(app.Factory, 2137, type: ProjectType.Works, oneOff: false);
        var finding = await Detect(FindingTypes.OneOff, 2137);
        Assert.NotNull(finding);
        Assert.Contains("服务类项目 3 个", finding.Statement);
        Assert.Contains("一次性服务类项目 2 个", finding.Statement);
        Assert.Contains("66.7%", finding.Statement);
        Assert.Contains(finding.Evidence, e => e.Subject == "六联社区" && e.Figure.Contains("一次性 2 / 服务类 3"));
        Assert.False(string.IsNullOrWhiteSpace(finding.Recommendation));

        await FindingData.ProjectAsync(app.Factory, 2138, oneOff: true);
        await FindingData.ProjectAsync(app.Factory, 2138);
        Assert.Null(await Detect(FindingTypes.OneOff, 2138));
    }

    [Fact]
    public async Task Demand_supply_fires_when_few_projects_trace_back_to_a_need_and_not_when_all_do()
    {
        await FindingData.ProjectAsync(app.Factory, 2139);
        await FindingData.ProjectAsync(app.Factory, 2139);
        var finding = await Detect(FindingTypes.DemandSupply, 2139);
        Assert.NotNull(finding);
        Assert.Contains("仅 0 个", finding.Statement);
        Assert.Contains(finding.Evidence, e => e.Subject == "六联社区" && e.Figure.Contains("0 / 2"));

        var a = await FindingData.ProjectAsync(app.Factory, 2140);
        var b = await FindingData.ProjectAsync(app.Factory, 2140);
        var region = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            foreach (var id in new[] { a, b })
                db.Demands.Add(new Demand
                {
                    Text = "希望开展长者活动", Channel = DemandChannel.Meeting, RegionId = region, ProjectId = id, Status = DemandStatus.Converted,
                    SubmittedAtUtc = new DateTime(2139, 10, 1, 0, 0, 0, DateTimeKind.Utc), Groups = ResidentGroups.Elderly | ResidentGroups.FamilyWithChildren,
                });
            await db.SaveChangesAsync();
        });
        Assert.Null(await Detect(FindingTypes.DemandSupply, 2140));
    }

    [Fact]
    public async Task Demand_supply_names_groups_never_heard_and_a_low_awareness_rate()
    {
        var id = await FindingData.ProjectAsync(app.Factory, 2141);
        var region = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            for (var i = 0; i < 5; i++)
                db.Demands.Add(new Demand
                {
                    Text = "希望增加长者饭堂", Channel = DemandChannel.Visit, RegionId = region, ProjectId = i == 0 ? id : null, Status = DemandStatus.Accepted,
                    SubmittedAtUtc = new DateTime(2141, 3, 1, 0, 0, 0, DateTimeKind.Utc), AgeBand = AgeBand.From60, ResidentType = ResidentType.Registered,
                    Groups = ResidentGroups.Elderly | ResidentGroups.FamilyWithChildren,
                });
            var survey = new Survey { ProjectId = id, PublicToken = SurveyServices.NewToken(), ServiceStartUtc = new DateTime(2141, 1, 1, 0, 0, 0, DateTimeKind.Utc), CreatedAtUtc = DateTime.UtcNow };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            for (var i = 0; i < 10; i++)
                db.SurveyResponses.Add(new SurveyResponse
                {
                    SurveyId = survey.Id, ProjectId = id, Overall = 1 + i % 5, MetNeed = 1 + (i + 2) % 5, WouldJoinAgain = i % 2 == 0, KnewBefore = i < 2,
                    SubmittedAtUtc = new DateTime(2141, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i), ClientKey = "k" + i,
                });
            await db.SaveChangesAsync();
        });
        var finding = await Detect(FindingTypes.DemandSupply, 2141);
        Assert.NotNull(finding);
        Assert.Contains("知晓率 20.0%", finding.Statement);
        Assert.Contains("来深建设者", finding.Statement);
        Assert.Contains(finding.Evidence, e => e.Subject.StartsWith("18 岁以下", StringComparison.Ordinal) && e.Figure.Contains("从未被听到"));
    }

    [Fact]
    public async Task Screening_fires_on_unscored_projects_and_on_a_selection_against_the_ranking_without_reason()
    {
        await FindingData.ProjectAsync(app.Factory, 2142, status: ProjectStatus.InProgress);
        var finding = await Detect(FindingTypes.Screening, 2142);
        Assert.NotNull(finding);
        Assert.Contains("1 个（100.0%）没有居民议事会按筛选标准评分", finding.Statement);

        var scored = await FindingData.ProjectAsync(app.Factory, 2143, status: ProjectStatus.InProgress);
        await Fixtures.ScoreAsync(app.Factory, scored, 80);
        Assert.Null(await Detect(FindingTypes.Screening, 2143));

        var region = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var run = new SelectionRun { RegionId = region, Year = 2143, Rule = SelectionRule.GreedyByVotes, CouncilWeight = 100, BudgetFen = 1, AtUtc = DateTime.UtcNow, ByUser = "测试" };
            run.Decisions.Add(new SelectionDecision { ProjectId = scored, Score = 80, SelectedByRule = false, Selected = true, Why = "人工调整" });
            db.SelectionRuns.Add(run);
            await db.SaveChangesAsync();
        });
        var overridden = await Detect(FindingTypes.Screening, 2143);
        Assert.NotNull(overridden);
        Assert.Contains(overridden.Evidence, e => e.Figure.Contains("排序未入选，实际入选，未说明理由") && e.Link == $"/Projects/Detail/{scored}");
    }

    [Fact]
    public async Task Supervision_fires_without_inspections_or_activity_records_and_on_a_declaration_mismatch()
    {
        var bare = await FindingData.ProjectAsync(app.Factory, 2144);
        var finding = await Detect(FindingTypes.Supervision, 2144);
        Assert.NotNull(finding);
        Assert.Contains("仅 0 个（0.0%）有过监督检查记录", finding.Statement);
        Assert.Contains(finding.Evidence, e => e.Figure == "已完成，无活动记录" && e.Link == $"/Delivery/{bare}");

        var clean = await FindingData.ProjectAsync(app.Factory, 2145);
        await FindingData.SessionAsync(app.Factory, clean, 3);
        await Inspect(clean, matches: true);
        Assert.Null(await Detect(FindingTypes.Supervision, 2145));

        var differs = await FindingData.ProjectAsync(app.Factory, 2146);
        await FindingData.SessionAsync(app.Factory, differs, 3);
        await Inspect(differs, matches: false);
        var mismatch = await Detect(FindingTypes.Supervision, 2146);
        Assert.NotNull(mismatch);
        Assert.Contains("1 个项目经检查发现实施内容与申报内容不一致", mismatch.Statement);
        Assert.Contains(mismatch.Evidence, e => e.Figure.Contains("活动内容与申报不符"));
    }

    private Task Inspect(int projectId, bool matches) => Fixtures.ExecAsync(app.Factory, async db =>
    {
        db.Inspections.Add(new Inspection
        {
            ProjectId = projectId, InspectedOn = new DateOnly(2146, 6, 1), Inspector = "街道", Checklist = "服务内容与申报一致",
            Findings = matches ? "按计划实施" : "活动内容与申报不符", ContentMatchesDeclaration = matches, RectificationRequired = !matches,
        });
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Beneficiaries_fire_on_a_shortfall_and_on_a_small_circle_and_stay_silent_when_targets_are_met()
    {
        var small = await FindingData.ProjectAsync(app.Factory, 2147, planned: 50);
        await FindingData.SessionAsync(app.Factory, small, 5);
        var finding = await Detect(FindingTypes.Beneficiaries, 2147);
        Assert.NotNull(finding);
        Assert.Contains("1 个（100.0%）实际受益人数", finding.Statement);
        Assert.Contains(finding.Evidence, e => e.Figure.Contains("申报 50 人，实际 5 人"));

        var met = await FindingData.ProjectAsync(app.Factory, 2148, planned: 30);
        await FindingData.SessionAsync(app.Factory, met, 30);
        Assert.Null(await Detect(FindingTypes.Beneficiaries, 2148));

        // Two regulars at every one of 12 sessions, 20 other people once each: the top 10 % (3 people) take 25 of 44 sign-ins.
        var circle = await FindingData.ProjectAsync(app.Factory, 2149, planned: 20);
        var regulars = (await FindingData.SessionAsync(app.Factory, circle, 2)).Take(2).ToList();
        for (var i = 0; i < 11; i++) await FindingData.SessionAsync(app.Factory, circle, i < 10 ? 2 : 0, regulars);
        var concentrated = await Detect(FindingTypes.Beneficiaries, 2149);
        Assert.NotNull(concentrated);
        Assert.Contains("服务集中在少数居民身上", concentrated.Statement);
        Assert.Contains(concentrated.Evidence, e => e.Subject == "六联社区 2149年" && e.Figure.Contains("前 10% 参与者占"));
    }

    [Fact]
    public async Task Formal_surveys_fire_on_identical_top_marks_and_not_on_varied_answers()
    {
        var formal = await SurveyAsync(2150, i => (5, 5, "k"));
        var finding = await Detect(FindingTypes.FormalSurveys, 2150);
        Assert.NotNull(finding);
        Assert.Contains("1 个（100.0%）", finding.Statement);
        Assert.Contains(finding.Evidence, e => e.Link == $"/Surveys/Project/{formal}" && e.Figure.Contains("满分") && e.Figure.Contains("直线作答"));

        await SurveyAsync(2151, i => (1 + i % 5, 1 + (i * 3) % 5, "k" + i));
        Assert.Null(await Detect(FindingTypes.FormalSurveys, 2151));
    }

    private async Task<int> SurveyAsync(int year, Func<int, (int Overall, int MetNeed, string Client)> answer)
    {
        var id = await FindingData.ProjectAsync(app.Factory, year);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var survey = new Survey { ProjectId = id, PublicToken = SurveyServices.NewToken(), ServiceStartUtc = start, CreatedAtUtc = start };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            for (var i = 0; i < 12; i++)
            {
                var (overall, metNeed, client) = answer(i);
                db.SurveyResponses.Add(new SurveyResponse
                {
                    SurveyId = survey.Id, ProjectId = id, Overall = overall, MetNeed = metNeed, WouldJoinAgain = true, KnewBefore = true,
                    SubmittedAtUtc = start.AddDays(30 + i), ClientKey = client,
                });
            }
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task Unit_cost_fires_on_a_similar_project_costing_far_more_and_not_when_costs_are_alike()
    {
        foreach (var budget in new long[] { 10_000_00, 11_000_00, 10_500_00 })
            await FindingData.ProjectAsync(app.Factory, 2152, name: "发现测试长者编织班", budgetFen: budget);
        var costly = await FindingData.ProjectAsync(app.Factory, 2152, name: "发现测试长者编织班", budgetFen: 40_000_00, community: FindingData.TangKeng);
        var finding = await Detect(FindingTypes.UnitCost, 2152);
        Assert.NotNull(finding);
        Assert.Contains("有 1 个已完成项目的单位成本明显高于", finding.Statement);
        var row = Assert.Single(finding.Evidence);
        Assert.Equal($"/CostBenchmarking/Project/{costly}", row.Link);
        Assert.Contains("4,000.00 元/受益人", row.Figure);

        foreach (var budget in new long[] { 10_000_00, 11_000_00, 10_500_00, 10_200_00 })
            await FindingData.ProjectAsync(app.Factory, 2153, name: "发现测试长者编织班", budgetFen: budget);
        Assert.Null(await Detect(FindingTypes.UnitCost, 2153));
    }

    [Fact]
    public async Task Upkeep_fires_on_works_without_an_upkeep_body_and_not_when_body_and_money_are_set()
    {
        await AssetAsync(2154, UpkeepBody.None, null, 0);
        var finding = await Detect(FindingTypes.Upkeep, 2154);
        Assert.NotNull(finding);
        Assert.Contains("1 处（100.0%）未明确后续管养责任主体", finding.Statement);
        Assert.Contains(finding.Evidence, e => e.Subject == "六联社区" && e.Link!.StartsWith("/Maintenance?community=", StringComparison.Ordinal));

        await AssetAsync(2155, UpkeepBody.Community, "社区工作站", 1_000_00);
        Assert.Null(await Detect(FindingTypes.Upkeep, 2155));
    }

    private async Task AssetAsync(int year, UpkeepBody body, string? bodyName, long reserveFen)
    {
        var id = await FindingData.ProjectAsync(app.Factory, year, type: ProjectType.Works, status: ProjectStatus.Accepted, name: "发现测试路灯维修");
        var region = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            db.Assets.Add(new Asset
            {
                RegionId = region, ProjectId = id, Name = "路灯", Kind = AssetKind.Lighting, CompletedOn = new DateOnly(year, 10, 1),
                ValueFen = 10_000_00, ExpectedLifeYears = 8, UpkeepBody = body, UpkeepBodyName = bodyName, YearlyReserveFen = reserveFen,
            });
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task A_scope_of_regions_or_projects_leaves_out_the_rest()
    {
        var liulian = await FindingData.ProjectAsync(app.Factory, 2156, oneOff: true);
        await FindingData.ProjectAsync(app.Factory, 2156, community: FindingData.TangKeng);
        var tangkeng = await TestData.RegionIdAsync(app.Factory, FindingData.TangKeng);
        Assert.Null(await FindingData.DetectAsync(app.Factory, FindingTypes.OneOff, new EvaluationScope(2156, 2156, [tangkeng], [])));
        var subdistrict = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian[..9]);
        Assert.NotNull(await FindingData.DetectAsync(app.Factory, FindingTypes.OneOff, new EvaluationScope(2156, 2156, [subdistrict], [])));
        Assert.NotNull(await FindingData.DetectAsync(app.Factory, FindingTypes.OneOff, new EvaluationScope(2156, 2156, [], [liulian])));
    }
}
