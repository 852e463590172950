using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Delivery;

/// <summary>
/// 完工 is taken on its own page against the checklist: refused while a rectification is open, and short of plan only with
/// a written explanation (shown on the project and acceptance pages). The subdistrict may take it back before acceptance.
/// </summary>
[Collection(DemoCollection.Name)]
public class CompletionTests(DemoApp app)
{
    private static Task<HttpResponseMessage> CompleteAsync(Browser who, int id, string? explanation) =>
        who.SubmitAsync($"/Delivery/Complete/{id}", explanation is null ? new() : new() { ["Explanation"] = explanation });

    private static Task<HttpResponseMessage> MoveAsync(Browser who, int id, ProjectStatus to, string? reason = null) =>
        ProjectSteps.MoveAsync(who, id, to, reason);

    private Task<List<ProjectDecision>> DecisionsAsync(int id) => ProjectSteps.DecisionsAsync(app.Factory, id);

    [Fact]
    public async Task Completion_is_refused_while_a_rectification_is_open()
    {
        // Nothing planned that could fall short, and the contract has ended: only the rectification stands in the way.
        var id = await DeliveryData.ProjectAsync(app.Factory, 2178, plannedSessions: 0, plannedBeneficiaries: 0);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2178);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            db.Inspections.Add(new Inspection
            {
                ProjectId = id, InspectedOn = new DateOnly(2178, 6, 1), Inspector = "碧岭街道 周", Checklist = "", Findings = "签到表缺失",
                ContentMatchesDeclaration = true, RectificationRequired = true, RectificationDueOn = new DateOnly(2178, 6, 15),
            });
            await db.SaveChangesAsync();
        });
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);

        var (_, page) = await staff.GetAsync($"/Delivery/Complete/{id}");
        Assert.Contains("1 项整改未完成", page.QuerySelector("[data-testid=blocker]")!.TextContent);
        Assert.Null(page.QuerySelector("textarea[name=Explanation]"));
        var refused = await staff.ReadAsync(await CompleteAsync(staff, id, "服务已全部完成"));
        Assert.Contains("整改未完成，不能完工", refused.QuerySelector("[data-testid=error]")!.TextContent);
        // The bare step is refused too, for the district as well.
        await MoveAsync(await Browser.LoginAsync(app.Factory, "district"), id, ProjectStatus.Completed, "服务已全部完成");
        Assert.Equal(ProjectStatus.InProgress, await TestData.StatusAsync(app.Factory, id));
        Assert.Empty(await DecisionsAsync(id));

        await Fixtures.ExecAsync(app.Factory, db => db.Inspections.IgnoreQueryFilters().Where(i => i.ProjectId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RectificationClosedAtUtc, DateTime.UtcNow)));
        // Nothing short of plan: no explanation needed.
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(staff, id, null)).StatusCode);
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, id));
        Assert.Equal(ProjectStatus.Completed, Assert.Single(await DecisionsAsync(id)).To);
    }

    [Fact]
    public async Task Completing_short_of_plan_needs_an_explanation_shown_on_the_project_and_acceptance_pages()
    {
        // The QA walk's case: a contract running into next year, 2 of 12 sessions held.
        var id = await DeliveryData.ProjectAsync(app.Factory, 2178, plannedSessions: 12, plannedBeneficiaries: 50, start: new DateOnly(2178, 12, 1));
        await DeliveryData.SessionAsync(app.Factory, id, ended: true, heldOn: new DateOnly(2178, 12, 5));
        await DeliveryData.SessionAsync(app.Factory, id, ended: true, heldOn: new DateOnly(2178, 12, 12));
        await DeliveryData.SessionAsync(app.Factory, id, heldOn: new DateOnly(2179, 1, 10));   // scheduled ahead: not held
        using var inYear = DeliveryData.LateInYear(app.Factory, 2178);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);

        var (_, detail) = await staff.GetAsync($"/Projects/Detail/{id}");
        var link = detail.QuerySelector("[data-testid=step-page]");
        Assert.Equal(("完工", $"/Delivery/Complete/{id}"), (link!.TextContent, link.GetAttribute("href")));

        var (_, page) = await staff.GetAsync($"/Delivery/Complete/{id}");
        Assert.Equal("2 场", page.QuerySelector("[data-testid=check-sessions]")!.TextContent.Trim());
        var shortfalls = page.QuerySelector("[data-testid=shortfalls]")!.TextContent;
        Assert.Contains("已开展 2 场活动，少于计划的 12 场", shortfalls);
        Assert.Contains("尚未到期", shortfalls);
        Assert.NotNull(page.QuerySelector("textarea[name=Explanation][required]"));

        foreach (var missing in new string?[] { null, "  " })
        {
            var refused = await staff.ReadAsync(await CompleteAsync(staff, id, missing));
            Assert.Contains("请填写完工说明", refused.QuerySelector("[data-testid=error]")!.TextContent);
        }
        await MoveAsync(staff, id, ProjectStatus.Completed);
        Assert.Equal(ProjectStatus.InProgress, await TestData.StatusAsync(app.Factory, id));
        Assert.Empty(await DecisionsAsync(id));

        const string explanation = "活动场地改造停用，余下 10 场转入下一年度，尾款按实际场次核减";
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(staff, id, explanation)).StatusCode);
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, id));
        (_, detail) = await staff.GetAsync($"/Projects/Detail/{id}");
        Assert.Contains("完工说明：" + explanation, detail.QuerySelector("[data-testid=status-reason]")!.TextContent);

        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        var (_, acceptance) = await officer.GetAsync($"/Acceptance/Record/{id}");
        Assert.Contains(explanation, acceptance.QuerySelector("[data-testid=completion-explanation]")!.TextContent);
    }

    [Fact]
    public async Task The_subdistrict_takes_a_completion_back_with_a_reason()
    {
        var id = await DeliveryData.ProjectAsync(app.Factory, 2179, status: ProjectStatus.Completed);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2179);

        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, page) = await staff.GetAsync($"/Projects/Detail/{id}");
        Assert.Null(page.QuerySelector("[data-testid=step-form-InProgress]"));
        var refused = await staff.ReadAsync(await MoveAsync(staff, id, ProjectStatus.InProgress, "还有活动没做完"));
        Assert.Contains("角色", refused.QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, id));

        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        (_, page) = await officer.GetAsync($"/Projects/Detail/{id}");
        Assert.NotNull(page.QuerySelector("[data-testid=step-form-InProgress] textarea[name=reason][required]"));
        refused = await officer.ReadAsync(await MoveAsync(officer, id, ProjectStatus.InProgress));
        Assert.Contains("请填写撤销原因", refused.QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, id));
        Assert.Empty(await DecisionsAsync(id));

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(officer, id, ProjectStatus.InProgress, "抽查发现尚有 4 场活动未开展")).StatusCode);
        Assert.Equal(ProjectStatus.InProgress, await TestData.StatusAsync(app.Factory, id));
        (_, page) = await officer.GetAsync($"/Projects/Detail/{id}");
        Assert.Contains("撤销原因：抽查发现尚有 4 场活动未开展", page.QuerySelector("[data-testid=status-reason]")!.TextContent);
        // Delivery is recorded again.
        var (_, delivery) = await staff.GetAsync($"/Delivery/{id}");
        Assert.NotNull(delivery.QuerySelector("[data-testid=new-session-link]"));
    }

    [Fact]
    public async Task The_delivery_page_links_to_completion_for_whoever_may_take_the_step()
    {
        var id = await DeliveryData.ProjectAsync(app.Factory, 2180);
        var completed = await DeliveryData.ProjectAsync(app.Factory, 2180, status: ProjectStatus.Completed);

        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, page) = await staff.GetAsync($"/Delivery/{id}");
        var link = page.QuerySelector("[data-testid=complete-link]");
        Assert.Equal(("完工办理", $"/Delivery/Complete/{id}"), (link?.TextContent.Trim(), link?.GetAttribute("href")));
        Assert.Null((await staff.GetAsync($"/Delivery/{completed}")).Document.QuerySelector("[data-testid=complete-link]"));

        // The contractor delivers the project but does not mark it 完工.
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        Assert.Null((await contractor.GetAsync($"/Delivery/{id}")).Document.QuerySelector("[data-testid=complete-link]"));
    }
}
