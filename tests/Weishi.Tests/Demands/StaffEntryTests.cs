using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using static Weishi.Tests.Demands.DemandHelpers;

namespace Weishi.Tests.Demands;

/// <summary>Staff record offline needs, triage them (status with reasons, link to projects), and see only their own.</summary>
[Collection(DemoCollection.Name)]
public class StaffEntryTests(DemoApp app)
{
    private async Task<Demand> RecordAsync(Browser staff, string community, string marker)
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, community);
        var response = await staff.SubmitAsync("/Demands/Create", new()
        {
            ["Text"] = $"居民议事会上提出：增设儿童游乐设施 {marker}", ["RegionId"] = regionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channel"] = nameof(DemandChannel.Meeting), ["CollectedOn"] = "2025-10-08", ["Phone"] = "13912345678",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(await DemandsContainingAsync(app.Factory, marker));
    }

    [Fact]
    public async Task Community_staff_record_an_offline_need_with_channel_and_date()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var stored = await RecordAsync(staff, LiuLian, marker);
        Assert.Equal(DemandChannel.Meeting, stored.Channel);
        Assert.Equal(new DateOnly(2025, 10, 8), stored.CollectedOn);
        Assert.Equal(DemandStatus.Pending, stored.Status);
        Assert.Equal("139****5678", stored.ContactPhoneMasked);

        var (_, list) = await staff.GetAsync("/Demands?channel=Meeting&q=" + marker);
        Assert.Single(list.QuerySelectorAll("[data-testid=demand-table] tbody tr"));
        var (_, detail) = await staff.GetAsync($"/Demands/Detail/{stored.Id}");
        Assert.Equal("居民议事会", detail.QuerySelector("[data-testid=demand-channel]")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_open_need_leads_to_a_proposal_with_it_ticked_and_the_project_library_to_the_proposal_form()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var stored = await RecordAsync(staff, LiuLian, marker);

        var (_, detail) = await staff.GetAsync($"/Demands/Detail/{stored.Id}");
        var link = detail.QuerySelector("[data-testid=propose-from-demand]");
        Assert.NotNull(link);
        var (status, form) = await staff.GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(form.QuerySelector($"input[name='Input.DemandIds'][value='{stored.Id}']")!.HasAttribute("checked"));

        // A need already answered (here: not taken up) is no longer offered for a proposal.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Demands/Detail/{stored.Id}",
            new() { ["NewStatus"] = nameof(DemandStatus.Declined), ["Reason"] = "不属于民生微实事范围" }, formSelector: "form[method=post]:not([action*=Logout])")).StatusCode);
        (_, detail) = await staff.GetAsync($"/Demands/Detail/{stored.Id}");
        Assert.Null(detail.QuerySelector("[data-testid=propose-from-demand]"));

        var (_, library) = await staff.GetAsync("/Projects");
        Assert.Equal("/Proposals/Create", library.QuerySelector("[data-testid=new-proposal]")!.GetAttribute("href"));
        var (_, financeLibrary) = await (await Browser.LoginAsync(app.Factory, "finance")).GetAsync("/Projects");
        Assert.Null(financeLibrary.QuerySelector("[data-testid=new-proposal]"));
    }

    [Theory]
    [InlineData(ProjectStatus.Submitted, ProjectStatus.Withdrawn, "已撤回")]
    [InlineData(ProjectStatus.CommunityReview, ProjectStatus.Rejected, "未获通过")]
    public async Task A_withdrawn_or_rejected_project_gives_its_needs_back_to_be_taken_up_again(ProjectStatus from, ProjectStatus to, string told)
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var need = await RecordAsync(staff, LiuLian, marker);
        var project = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2116, 1_000_00, from);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var d = await db.Demands.SingleAsync(x => x.Id == need.Id);
            (d.ProjectId, d.Status) = (project, DemandStatus.Converted);
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Redirect, (await ProjectSteps.MoveAsync(staff, project, to, "场地无法落实")).StatusCode);
        Assert.Equal(to, await TestData.StatusAsync(app.Factory, project));

        var released = Assert.Single(await DemandsContainingAsync(app.Factory, marker));
        Assert.Null(released.ProjectId);
        Assert.Equal(DemandStatus.Accepted, released.Status);
        var (_, track) = await Browser.For(app.Factory).GetAsync($"/Portal/Track?code={released.TrackingCode}");
        Assert.Equal("已受理", track.QuerySelector("[data-testid=demand-status]")!.TextContent.Trim());
        var reason = track.QuerySelector("[data-testid=demand-reason]")!.TextContent;
        Assert.Contains(told, reason);
        // A rejection quotes its written reason; a withdrawal asks for none, so none is quoted.
        if (to == ProjectStatus.Rejected) Assert.Contains("理由：场地无法落实", reason);
        else Assert.DoesNotContain("场地无法落实", reason);
        Assert.Null(track.QuerySelector("[data-testid=demand-project]"));
        // Offered again to the next proposal.
        var (_, form) = await staff.GetAsync($"/Proposals/Create?year=2116&demand={need.Id}");
        Assert.NotNull(form.QuerySelector($"input[name='Input.DemandIds'][value='{need.Id}']"));
    }

    [Fact]
    public async Task A_project_sent_back_to_the_community_tells_its_residents_why()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var need = await RecordAsync(staff, LiuLian, marker);
        var project = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2116, 1_000_00, ProjectStatus.SubdistrictReview);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var d = await db.Demands.SingleAsync(x => x.Id == need.Id);
            (d.ProjectId, d.Status) = (project, DemandStatus.Converted);
            await db.SaveChangesAsync();
        });
        var officer = await Browser.LoginAsync(app.Factory, "sd-ps");
        Assert.Equal(HttpStatusCode.Redirect, (await ProjectSteps.MoveAsync(officer, project, ProjectStatus.CommunityReview, "请议事会先按筛选标准评分")).StatusCode);

        var (_, track) = await Browser.For(app.Factory).GetAsync($"/Portal/Track?code={need.TrackingCode}");
        Assert.Contains("社区评议", track.QuerySelector("[data-testid=demand-project]")!.TextContent);
        Assert.Contains("请议事会先按筛选标准评分", track.QuerySelector("[data-testid=project-return-reason]")!.TextContent);
    }

    [Fact]
    public async Task Staff_cannot_record_for_another_community_nor_see_its_needs()
    {
        var marker = Marker();
        var liuHeStaff = await Browser.LoginAsync(app.Factory, "cs-lh");
        var theirs = await RecordAsync(liuHeStaff, LiuHe, marker);

        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, list) = await staff.GetAsync("/Demands?q=" + marker);
        Assert.Empty(list.QuerySelectorAll("[data-testid=demand-table] tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/Demands/Detail/{theirs.Id}")).Status);

        var other = Marker();
        var liuHe = await TestData.RegionIdAsync(app.Factory, LiuHe);
        var refused = await staff.SubmitAsync("/Demands/Create", new()
        {
            ["Text"] = $"越权登记 {other}", ["RegionId"] = liuHe.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Channel"] = nameof(DemandChannel.Visit), ["CollectedOn"] = "2025-10-08",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("请选择您负责的社区", Parser.ParseDocument(refused.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Empty(await DemandsContainingAsync(app.Factory, other));

        var move = await staff.SubmitAsync($"/Demands/Detail/{theirs.Id}", new() { ["NewStatus"] = "Accepted" }, formSelector: "form[method=post]");
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
    }

    [Fact]
    public async Task Staff_entry_refuses_bad_input()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var regionId = (await TestData.RegionIdAsync(app.Factory, LiuLian)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await staff.SubmitAsync("/Demands/Create", new()
        {
            ["Text"] = marker + new string('长', 1000), ["RegionId"] = regionId, ["Channel"] = nameof(DemandChannel.Visit), ["CollectedOn"] = "2999-01-01",
        });
        var errors = Parser.ParseDocument(response.Text()).QuerySelector("[data-testid=form-error]")!.TextContent;
        Assert.Contains("不能超过 1000 字", errors);
        Assert.Contains("收集日期不能晚于今天", errors);
        Assert.Empty(await DemandsContainingAsync(app.Factory, marker));
    }

    [Fact]
    public async Task A_collection_date_before_2015_is_refused_and_saves_nothing()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var regionId = (await TestData.RegionIdAsync(app.Factory, LiuLian)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await staff.SubmitAsync("/Demands/Create", new()
        {
            ["Text"] = $"小区路灯不亮，夜间出行不便 {marker}", ["RegionId"] = regionId, ["Channel"] = nameof(DemandChannel.Visit), ["CollectedOn"] = "1900-01-01",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("收集日期不能早于 2015-01-01", Parser.ParseDocument(response.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Empty(await DemandsContainingAsync(app.Factory, marker));
    }

    [Fact]
    public async Task A_need_entered_with_only_a_date_shows_only_that_date()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var stored = await RecordAsync(staff, LiuLian, marker);
        var (_, list) = await staff.GetAsync("/Demands?q=" + marker);
        Assert.Equal("2025-10-08", list.QuerySelector("[data-testid=demand-table] tbody tr [data-testid=demand-when]")!.TextContent.Trim());
        var (_, track) = await Browser.For(app.Factory).GetAsync("/Portal/Track?code=" + stored.TrackingCode);
        var when = track.QuerySelector("[data-testid=demand-when]")!.TextContent;
        Assert.EndsWith("收集于 2025-10-08", when.Trim());
        Assert.DoesNotContain(":", when);
    }

    [Fact]
    public async Task Declining_needs_a_reason_which_the_resident_then_sees()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var stored = await RecordAsync(staff, LiuLian, marker);

        var noReason = await staff.SubmitAsync($"/Demands/Detail/{stored.Id}", new() { ["NewStatus"] = nameof(DemandStatus.Declined), ["Reason"] = "" });
        Assert.Contains("必须写明理由", Parser.ParseDocument(noReason.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Equal(DemandStatus.Pending, Assert.Single(await DemandsContainingAsync(app.Factory, marker)).Status);

        var declined = await staff.SubmitAsync($"/Demands/Detail/{stored.Id}", new() { ["NewStatus"] = nameof(DemandStatus.Declined), ["Reason"] = "属于物业管理责任，已转告物业" });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var (_, track) = await Browser.For(app.Factory).GetAsync("/Portal/Track?code=" + stored.TrackingCode);
        Assert.Equal("不予采纳", track.QuerySelector("[data-testid=demand-status]")!.TextContent.Trim());
        Assert.Contains("属于物业管理责任", track.QuerySelector("[data-testid=demand-reason]")!.TextContent);
    }

    [Fact]
    public async Task Referring_a_need_names_the_department_which_the_resident_then_sees()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var stored = await RecordAsync(staff, LiuLian, marker);

        var noDepartment = await staff.SubmitAsync($"/Demands/Detail/{stored.Id}", new() { ["NewStatus"] = nameof(DemandStatus.Referred), ["Reason"] = "" });
        Assert.Contains("转办的部门", Parser.ParseDocument(noDepartment.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Equal(DemandStatus.Pending, Assert.Single(await DemandsContainingAsync(app.Factory, marker)).Status);

        var tooLong = await staff.SubmitAsync($"/Demands/Detail/{stored.Id}", new() { ["NewStatus"] = nameof(DemandStatus.Referred), ["Reason"] = new string('局', 101) });
        Assert.Contains("只写承办部门", Parser.ParseDocument(tooLong.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Equal(DemandStatus.Pending, Assert.Single(await DemandsContainingAsync(app.Factory, marker)).Status);

        var referred = await staff.SubmitAsync($"/Demands/Detail/{stored.Id}", new() { ["NewStatus"] = nameof(DemandStatus.Referred), ["Reason"] = "区住房和建设局" });
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        Assert.Equal(DemandStatus.Referred, Assert.Single(await DemandsContainingAsync(app.Factory, marker)).Status);
        // The referral is recorded as on 需求分析, so it shows in the referral list there too.
        using (var scope = app.Factory.Services.CreateScope())
        {
            var referral = await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().DemandReferrals.IgnoreQueryFilters().AsNoTracking()
                .SingleAsync(r => r.DemandId == stored.Id);
            Assert.Equal("区住房和建设局", referral.Department);
            Assert.False(string.IsNullOrEmpty(referral.ReferredByName));
        }
        var (_, track) = await Browser.For(app.Factory).GetAsync("/Portal/Track?code=" + stored.TrackingCode);
        Assert.Equal("已转办", track.QuerySelector("[data-testid=demand-status]")!.TextContent.Trim());
        Assert.Equal("转办至：区住房和建设局", track.QuerySelector("[data-testid=demand-reason]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_need_linked_to_a_project_shows_the_project_on_the_tracking_page()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var stored = await RecordAsync(staff, LiuLian, marker);
        var projectId = await TestData.CreateProjectAsync(app.Factory, LiuLian, 2031, 5_000_00);
        string code;
        using (var scope = app.Factory.Services.CreateScope())
            code = await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Projects.Where(p => p.Id == projectId).Select(p => p.Code).SingleAsync();
        var otherProject = await TestData.CreateProjectAsync(app.Factory, LiuHe, 2031, 5_000_00);
        string otherCode;
        using (var scope = app.Factory.Services.CreateScope())
            otherCode = await scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Projects.Where(p => p.Id == otherProject).Select(p => p.Code).SingleAsync();

        var wrong = await staff.SubmitAsync($"/Demands/Detail/{stored.Id}", new() { ["NewStatus"] = nameof(DemandStatus.Converted), ["ProjectCode"] = otherCode });
        Assert.Contains("本社区没有编号", Parser.ParseDocument(wrong.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);

        var linked = await staff.SubmitAsync($"/Demands/Detail/{stored.Id}", new() { ["NewStatus"] = nameof(DemandStatus.Converted), ["ProjectCode"] = code });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var (_, track) = await Browser.For(app.Factory).GetAsync("/Portal/Track?code=" + stored.TrackingCode);
        Assert.Equal("已转为项目", track.QuerySelector("[data-testid=demand-status]")!.TextContent.Trim());
        Assert.Contains(code, track.QuerySelector("[data-testid=demand-project]")!.TextContent);
    }

    [Fact]
    public async Task Read_only_roles_cannot_open_staff_entry()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync("/Demands/Create")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.GetAsync("/Demands/Import")).Status);
    }

    [Fact]
    public async Task The_triage_list_filters_by_community_date_channel_status_and_text()
    {
        var marker = Marker();
        var staff = await Browser.LoginAsync(app.Factory, "sd-ps");
        await RecordAsync(staff, LiuHe, marker);
        var liuHe = await TestData.RegionIdAsync(app.Factory, LiuHe);
        var liuLian = await TestData.RegionIdAsync(app.Factory, LiuLian);
        Assert.Single((await staff.GetAsync($"/Demands?community={liuHe}&from=2025-10-08&to=2025-10-08&q={marker}")).Document.QuerySelectorAll("[data-testid=demand-table] tbody tr"));
        Assert.Empty((await staff.GetAsync($"/Demands?community={liuLian}&q={marker}")).Document.QuerySelectorAll("[data-testid=demand-table] tbody tr"));
        Assert.Empty((await staff.GetAsync($"/Demands?community={liuHe}&from=2025-10-09&q={marker}")).Document.QuerySelectorAll("[data-testid=demand-table] tbody tr"));
        // Channel and status.
        Assert.Single((await staff.GetAsync($"/Demands?channel=Meeting&status=Pending&q={marker}")).Document.QuerySelectorAll("[data-testid=demand-table] tbody tr"));
        Assert.Empty((await staff.GetAsync($"/Demands?channel=Hotline&q={marker}")).Document.QuerySelectorAll("[data-testid=demand-table] tbody tr"));
        Assert.Empty((await staff.GetAsync($"/Demands?status=Accepted&q={marker}")).Document.QuerySelectorAll("[data-testid=demand-table] tbody tr"));
    }
}
