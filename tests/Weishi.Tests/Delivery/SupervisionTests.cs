using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Tests.Delivery;

/// <summary>Contracts, activities, progress, inspections with rectifications, acceptance, scope of delivery records.</summary>
[Collection(DemoCollection.Name)]
public class SupervisionTests(DemoApp app)
{
    [Fact]
    public async Task Staff_record_a_contract_and_milestones_and_the_contractor_marks_one_done()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2042);
        var contractorId = await DeliveryData.ContractorIdAsync(app.Factory);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2042);
        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var saved = await staff.SubmitAsync($"/Delivery/Contract/{project}", new()
        {
            ["Input.ContractorId"] = contractorId.ToString(), ["Input.Amount"] = "80000", ["Input.SignedOn"] = "2042-02-01",
            ["Input.StartOn"] = "2042-02-10", ["Input.EndOn"] = "2042-11-30",
        }, postUrl: $"/Delivery/Contract/{project}?handler=Contract");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var tooMuch = await staff.SubmitAsync($"/Delivery/Contract/{project}", new()
        {
            ["Input.ContractorId"] = contractorId.ToString(), ["Input.Amount"] = "200000", ["Input.SignedOn"] = "2042-02-01",
            ["Input.StartOn"] = "2042-02-10", ["Input.EndOn"] = "2042-11-30",
        }, postUrl: $"/Delivery/Contract/{project}?handler=Contract");
        Assert.Contains("不能超过项目预算", (await staff.ReadAsync(tooMuch)).QuerySelector("[data-testid=errors]")!.TextContent);
        await staff.SubmitAsync($"/Delivery/Contract/{project}", new() { ["Step.Name"] = "启动", ["Step.Deliverable"] = "实施方案", ["Step.PlannedOn"] = "2042-03-01" },
            postUrl: $"/Delivery/Contract/{project}?handler=Milestone");

        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var (_, hub) = await contractor.GetAsync($"/Delivery/{project}");
        Assert.Contains("80,000.00", hub.QuerySelector("[data-testid=contract]")!.TextContent);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var milestone = await DeliveryData.Db(scope).Milestones.SingleAsync(m => m.ProjectId == project);
            var done = await contractor.SubmitAsync($"/Delivery/{project}", new() { ["milestoneId"] = milestone.Id.ToString() },
                postUrl: $"/Delivery/{project}?handler=MilestoneDone");
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
        using (var scope = app.Factory.Services.CreateScope())
            Assert.NotNull(await DeliveryData.Db(scope).Milestones.Where(m => m.ProjectId == project).Select(m => m.DoneOn).SingleAsync());
        // The contractor may not change the contract.
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync($"/Delivery/Contract/{project}")).Status);
    }

    [Fact]
    public async Task A_contractor_records_sessions_of_its_own_projects_only()
    {
        var own = await DeliveryData.ProjectAsync(app.Factory, 2042);
        int otherContractor;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var mine = await DeliveryData.ContractorIdAsync(app.Factory);
            otherContractor = await DeliveryData.Db(scope).Contractors.Where(c => c.Id != mine).Select(c => c.Id).FirstAsync();
        }
        var foreign = await DeliveryData.ProjectAsync(app.Factory, 2042, contractorId: otherContractor);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var fields = new Dictionary<string, string>
        {
            ["Input.HeldOn"] = "2042-05-06", ["Input.From"] = "09:00", ["Input.To"] = "11:00", ["Input.Place"] = "社区活动室",
            ["Input.Content"] = "手工课", ["Input.Staff"] = "社工 李",
        };
        var ok = await contractor.SubmitAsync($"/Delivery/NewSession/{own}", fields);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contractor.GetAsync($"/Delivery/{foreign}")).Status);
        var refused = await contractor.SubmitAsync($"/Delivery/NewSession/{own}", fields, postUrl: $"/Delivery/NewSession/{foreign}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        // Community staff of another community neither see nor write it.
        var stranger = await Browser.LoginAsync(app.Factory, "cs-ll");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Delivery/{own}")).Status);

        using var check = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(check);
        Assert.Equal(1, await db.ActivitySessions.CountAsync(s => s.ProjectId == own));
        Assert.Equal(0, await db.ActivitySessions.CountAsync(s => s.ProjectId == foreign));
    }

    [Fact]
    public async Task Saves_of_delivery_records_are_checked_against_the_project_owner()
    {
        var mine = await DeliveryData.ContractorIdAsync(app.Factory);
        int other;
        using (var s = app.Factory.Services.CreateScope()) other = await DeliveryData.Db(s).Contractors.Where(c => c.Id != mine).Select(c => c.Id).FirstAsync();
        var foreign = await DeliveryData.ProjectAsync(app.Factory, 2042, contractorId: other);
        var own = await DeliveryData.ProjectAsync(app.Factory, 2042);
        var asContractor = new UserScope("x", "contractor", false, false, [], mine, new HashSet<Weishi.Web.Features.Accounts.AppRole> { Weishi.Web.Features.Accounts.AppRole.Contractor });
        using var scope = app.Factory.Services.CreateScope();
        await using var db = app.Factory.CreateDbContext(scope, asContractor);
        db.Milestones.Add(new Milestone { ProjectId = foreign, Name = "伪造", Deliverable = "无", PlannedOn = new DateOnly(2042, 1, 1) });
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        // Its own project: allowed for activity records, but not for the contract or acceptance.
        db.Milestones.Add(new Milestone { ProjectId = own, Name = "启动", Deliverable = "方案", PlannedOn = new DateOnly(2042, 1, 1) });
        await db.SaveChangesAsync();
        db.AcceptanceRecords.Add(new AcceptanceRecord { ProjectId = own, AcceptedOn = new DateOnly(2042, 12, 1), Committee = "自己", Checklist = "", Result = AcceptanceResult.Passed });
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Acceptance_is_blocked_while_a_rectification_is_open()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043, status: ProjectStatus.Completed);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2043);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        var inspected = await officer.SubmitAsync($"/Inspections/New/{project}", new()
        {
            ["InspectedOn"] = "2043-06-01", ["Inspector"] = "碧岭街道 周", ["Checked"] = "活动按计划场次开展", ["Findings"] = "签到人数与现场不符",
            ["ContentMatches"] = "false", ["RectificationRequired"] = "true", ["RectificationDueOn"] = "2043-06-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, inspected.StatusCode);
        var detail = inspected.Headers.Location!.OriginalString;

        var accept = new Dictionary<string, string> { ["AcceptedOn"] = "2043-12-01", ["Committee"] = "街道、社区、居民代表", ["Result"] = nameof(AcceptanceResult.Passed) };
        var blocked = await officer.SubmitAsync($"/Acceptance/Record/{project}", accept);
        Assert.Contains("整改未完成", (await officer.ReadAsync(blocked)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, project));
        // The plain workflow step is refused too, even for the district.
        var district = await Browser.LoginAsync(app.Factory, "district");
        await district.SubmitAsync($"/Projects/Detail/{project}", new() { ["to"] = nameof(ProjectStatus.Accepted) }, postUrl: $"/Projects/Detail/{project}?handler=Move");
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, project));

        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        Assert.Equal(HttpStatusCode.Redirect, (await contractor.SubmitAsync(detail, new() { ["Answer"] = "已按实际人数重新整理签到表" }, postUrl: detail + "?handler=Respond")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(detail, new(), postUrl: detail + "?handler=Close")).StatusCode);

        var passed = await officer.SubmitAsync($"/Acceptance/Record/{project}", accept);
        Assert.Equal(HttpStatusCode.Redirect, passed.StatusCode);
        Assert.Equal(ProjectStatus.Accepted, await TestData.StatusAsync(app.Factory, project));
    }

    [Fact]
    public async Task Contractors_and_community_staff_cannot_inspect()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Browser.LoginAsync(app.Factory, "contractor")).GetAsync($"/Inspections/New/{project}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser)).GetAsync($"/Inspections/New/{project}")).Status);
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_is_refused()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043);
        var (sessionId, _) = await DeliveryData.SessionAsync(app.Factory, project);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var (_, page) = await contractor.GetAsync($"/Delivery/Session/{sessionId}");
        var token = page.QuerySelector("[data-testid=photo-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        async Task<HttpResponseMessage> UploadAsync(byte[] bytes, string name)
        {
            var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "photo", name } };
            return await contractor.Client.PostAsync($"/Delivery/Session/{sessionId}?handler=Photo", form);
        }
        var bad = await UploadAsync("这不是图片"u8.ToArray(), "photo.jpg");
        Assert.Contains("不是图片", (await contractor.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
        using (var scope = app.Factory.Services.CreateScope())
            Assert.Equal(0, await DeliveryData.Db(scope).EvidenceFiles.CountAsync(f => f.SessionId == sessionId));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(png, "photo.png")).StatusCode);
        using (var scope = app.Factory.Services.CreateScope())
            Assert.Equal("image/png", await DeliveryData.Db(scope).EvidenceFiles.Where(f => f.SessionId == sessionId).Select(f => f.ContentType).SingleAsync());
    }

    [Fact]
    public async Task Negative_quantities_in_progress_records_are_refused()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043, type: ProjectType.Works);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2043);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var fields = new Dictionary<string, string>
        {
            ["Input.RecordedOn"] = "2043-05-01", ["Input.Description"] = "铺设透水砖", ["Input.Quantity"] = "-5", ["Input.Unit"] = "平方米", ["Input.Address"] = "汤坑社区广场",
        };
        var bad = await contractor.SubmitAsync($"/Delivery/Progress/{project}", fields);
        Assert.Contains("数量不能为负数", (await contractor.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
        fields["Input.Quantity"] = "120";
        fields["Input.Latitude"] = "22.7";
        fields["Input.Longitude"] = "114.35";
        Assert.Equal(HttpStatusCode.Redirect, (await contractor.SubmitAsync($"/Delivery/Progress/{project}", fields)).StatusCode);
        using var scope = app.Factory.Services.CreateScope();
        Assert.Equal([120m], await DeliveryData.Db(scope).ProgressRecords.Where(r => r.ProjectId == project).Select(r => r.Quantity).ToListAsync());
    }
}
