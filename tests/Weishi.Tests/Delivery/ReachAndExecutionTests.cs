using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Delivery;

/// <summary>Resident types in the groups never reached, photos on progress records, the execution roll-up, fresh concentration.</summary>
[Collection(DemoCollection.Name)]
public class ReachAndExecutionTests(DemoApp app)
{
    private const string ShaHu = "440310001003"; // a community of 坪山街道, another subdistrict than 汤坑 (碧岭街道)

    [Fact]
    public async Task Resident_types_are_recorded_at_sign_in_and_groups_never_reached_show_on_the_community_page()
    {
        const int year = 2048;
        var project = await DeliveryData.ProjectAsync(app.Factory, year);
        var (sessionId, token) = await DeliveryData.SessionAsync(app.Factory, project);
        var visitor = Browser.For(app.Factory);
        var migrantPhone = DeliveryData.NewPhone();
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.SubmitAsync($"/SignIn/{token}",
            new() { ["Name"] = "小刘", ["Phone"] = migrantPhone, ["IdNumber"] = "", ["ResidentType"] = "Migrant" })).StatusCode);

        // A value that is not one of the three types is refused with a Chinese message and nothing is saved.
        var bad = await Browser.For(app.Factory).SubmitAsync($"/SignIn/{token}",
            new() { ["Name"] = "小王", ["Phone"] = DeliveryData.NewPhone(), ["IdNumber"] = "", ["ResidentType"] = "Tourist" });
        Assert.Contains("居民类型", (await visitor.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);

        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Session/{sessionId}",
            new() { ["Name"] = "陈伯", ["Phone"] = DeliveryData.NewPhone(), ["IdNumber"] = "", ["ResidentType"] = "Registered" },
            postUrl: $"/Delivery/Session/{sessionId}?handler=Attendee", formSelector: "[data-testid=attendee-form]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SubmitAsync($"/Delivery/Session/{sessionId}",
            new() { ["Name"] = "林姨", ["Phone"] = DeliveryData.NewPhone(), ["IdNumber"] = "", ["ResidentType"] = "" },
            postUrl: $"/Delivery/Session/{sessionId}?handler=Attendee", formSelector: "[data-testid=attendee-form]")).StatusCode);

        using (var scope = app.Factory.Services.CreateScope())
        {
            var types = await DeliveryData.Db(scope).Attendances.Where(a => a.SessionId == sessionId)
                .OrderBy(a => a.Id).Select(a => a.Participant!.ResidentType).ToListAsync();
            Assert.Equal([ResidentType.Migrant, ResidentType.Registered, null], types);
        }

        var regionId = await TestData.RegionIdAsync(app.Factory, DeliveryData.TangKeng);
        var (_, page) = await (await Browser.LoginAsync(app.Factory, "district")).GetAsync($"/Beneficiaries/Community?regionId={regionId}&year={year}");
        string Cell(string type) => page.QuerySelector($"[data-testid=resident-types] tr[data-type='{type}']")!.TextContent;
        Assert.StartsWith("户籍居民1", Cell("户籍居民").Replace(" ", ""));
        Assert.StartsWith("来深建设者1", Cell("来深建设者").Replace(" ", ""));
        Assert.Contains("未覆盖", Cell("常住居民"));
        Assert.DoesNotContain("未覆盖", Cell("户籍居民"));
        Assert.StartsWith("未填写1", Cell("未填写").Replace(" ", ""));
    }

    [Fact]
    public void Resident_type_form_values_are_parsed_strictly()
    {
        Assert.Equal(ResidentType.Permanent, ParticipantRegister.ParseResidentType("Permanent"));
        Assert.Null(ParticipantRegister.ParseResidentType("99"));
        Assert.Null(ParticipantRegister.ParseResidentType("Registered,Permanent"));
        Assert.Null(ParticipantRegister.ParseResidentType(""));
        Assert.NotEmpty(ParticipantRegister.Validate("张三", DeliveryData.NewPhone(), null, true, "Alien"));
        Assert.Empty(ParticipantRegister.Validate("张三", DeliveryData.NewPhone(), null, true, "Migrant"));
    }

    private static async Task<HttpResponseMessage> PostProgressAsync(Browser browser, int project, params (string Name, byte[] Bytes)[] photos)
    {
        var (_, doc) = await browser.GetAsync($"/Delivery/Progress/{project}");
        var token = doc.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (k, v) in new Dictionary<string, string>
        {
            ["Input.RecordedOn"] = "2049-05-01", ["Input.Description"] = "安装健身器材", ["Input.Quantity"] = "6", ["Input.Unit"] = "套", ["Input.Address"] = "汤坑社区公园",
        }) content.Add(new StringContent(v), k);
        foreach (var (name, bytes) in photos) content.Add(new ByteArrayContent(bytes), "photos", name);
        return await browser.Client.PostAsync($"/Delivery/Progress/{project}", content);
    }

    [Fact]
    public async Task Progress_records_keep_photos_and_refuse_files_that_are_not_images()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2049, type: ProjectType.Works);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2049);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");

        var bad = await PostProgressAsync(contractor, project, ("site.png", DemandHelpers.TinyPng), ("notes.jpg", "这不是图片"u8.ToArray()));
        Assert.Contains("不是图片", (await contractor.ReadAsync(bad)).QuerySelector("[data-testid=errors]")!.TextContent);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            Assert.False(await db.ProgressRecords.AnyAsync(r => r.ProjectId == project));
            Assert.False(await db.EvidenceFiles.AnyAsync(f => f.ProjectId == project));
        }

        Assert.Equal(HttpStatusCode.Redirect, (await PostProgressAsync(contractor, project, ("site.png", DemandHelpers.TinyPng))).StatusCode);
        int fileId;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            var record = await db.ProgressRecords.SingleAsync(r => r.ProjectId == project);
            var file = await db.EvidenceFiles.SingleAsync(f => f.ProjectId == project);
            Assert.Equal(record.Id, file.ProgressRecordId);
            Assert.Equal("image/png", file.ContentType);
            fileId = file.Id;
        }
        var (_, hub) = await (await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser)).GetAsync($"/Delivery/{project}");
        Assert.NotNull(hub.QuerySelector($"[data-testid=progress-photos] img[src='/Delivery/File/{fileId}']"));
        var served = await contractor.Client.GetAsync($"/Delivery/File/{fileId}");
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        // Another community's staff cannot fetch the photo.
        Assert.NotEqual(HttpStatusCode.OK, (await (await Browser.LoginAsync(app.Factory, "cs-lk")).Client.GetAsync($"/Delivery/File/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task Execution_rolls_up_per_subdistrict_and_drills_down_to_communities_within_scope()
    {
        const int year = 2056;
        var tangKeng = await DeliveryData.ProjectAsync(app.Factory, year, budgetFen: 100_000_00, plannedSessions: 10, plannedBeneficiaries: 50);
        var shaHu = await DeliveryData.ProjectAsync(app.Factory, year, budgetFen: 20_000_00, plannedSessions: 4, plannedBeneficiaries: 10, community: ShaHu);
        await TestData.CreateProjectAsync(app.Factory, DeliveryData.TangKeng, year, 9_000_00); // in review: not counted
        var firstSession = 0;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            var register = scope.ServiceProvider.GetRequiredService<ParticipantRegister>();
            var people = new List<Participant>();
            for (var i = 0; i < 3; i++) people.Add(await register.FindOrAddAsync($"居民{i}", DeliveryData.NewPhone(), null));
            for (var s = 0; s < 2; s++)
            {
                var (id, _) = await DeliveryData.SessionAsync(app.Factory, tangKeng, heldOn: new DateOnly(year, 3, 1 + s));
                if (s == 0) firstSession = id;
                var session = await db.ActivitySessions.SingleAsync(x => x.Id == id);
                await register.AttendAsync(session, people[0], byQr: true);
                await register.AttendAsync(session, people[1 + s], byQr: true);
            }
            // Scheduled after "today" (20 December, below): not yet held, so not counted.
            await DeliveryData.SessionAsync(app.Factory, tangKeng, heldOn: new DateOnly(year, 12, 28));
            var (otherSession, _) = await DeliveryData.SessionAsync(app.Factory, shaHu, heldOn: new DateOnly(year, 3, 5));
            await register.AttendAsync(await db.ActivitySessions.SingleAsync(x => x.Id == otherSession), people[0], byQr: true);
            db.Disbursements.Add(new Disbursement { ProjectId = tangKeng, PaidOn = new DateOnly(year, 4, 1), AmountFen = 30_000_00, Stage = "首期" });
            await db.SaveChangesAsync();
        }
        var biLing = await SubdistrictOfAsync(DeliveryData.TangKeng);
        var pingShan = await SubdistrictOfAsync(ShaHu);

        using var late = DeliveryData.LateInYear(app.Factory, year);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync($"/Delivery/Execution?year={year}");
        var row = page.QuerySelector($"[data-testid=execution] tr[data-region='{biLing}']")!;
        Assert.Equal("1", row.QuerySelector("[data-testid=projects]")!.TextContent);
        Assert.Equal("20.0%", row.QuerySelector("[data-testid=session-rate]")!.TextContent);     // 2 of 10 sessions
        Assert.Equal("6.0%", row.QuerySelector("[data-testid=participant-rate]")!.TextContent);  // 3 people of 50
        Assert.Equal("30.0%", row.QuerySelector("[data-testid=spending-rate]")!.TextContent);    // 3 万 of 10 万
        var other = page.QuerySelector($"[data-testid=execution] tr[data-region='{pingShan}']")!;
        Assert.Equal("25.0%", other.QuerySelector("[data-testid=session-rate]")!.TextContent);
        Assert.Equal("0.0%", other.QuerySelector("[data-testid=spending-rate]")!.TextContent);
        var total = page.QuerySelector("[data-testid=total]")!.TextContent;
        Assert.Contains("3 / 14", total);  // sessions
        Assert.Contains("4 / 60", total);  // people, unique per project

        // The participant counts are kept between requests; a new sign-in shows on the next one.
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            var register = scope.ServiceProvider.GetRequiredService<ParticipantRegister>();
            var newcomer = await register.FindOrAddAsync("居民新", DeliveryData.NewPhone(), null);
            await register.AttendAsync(await db.ActivitySessions.SingleAsync(x => x.Id == firstSession), newcomer, byQr: true);
        }
        (_, page) = await district.GetAsync($"/Delivery/Execution?year={year}");
        Assert.Equal("8.0%", page.QuerySelector($"[data-testid=execution] tr[data-region='{biLing}'] [data-testid=participant-rate]")!.TextContent);
        Assert.Contains("5 / 60", page.QuerySelector("[data-testid=total]")!.TextContent);

        // Drill-down to the communities of 碧岭街道.
        var link = row.QuerySelector("a")!.GetAttribute("href")!;
        var (_, drill) = await district.GetAsync(link);
        var tk = await TestData.RegionIdAsync(app.Factory, DeliveryData.TangKeng);
        Assert.Equal("20.0%", drill.QuerySelector($"[data-testid=execution] tr[data-region='{tk}'] [data-testid=session-rate]")!.TextContent);
        Assert.Null(drill.QuerySelector($"[data-testid=execution] tr[data-region='{await TestData.RegionIdAsync(app.Factory, ShaHu)}']"));

        // A community's staff see their own figures only.
        var (_, own) = await (await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser)).GetAsync($"/Delivery/Execution?year={year}");
        Assert.Null(own.QuerySelector($"[data-testid=execution] tr[data-region='{pingShan}']"));
        Assert.Contains("2 / 10", own.QuerySelector("[data-testid=total]")!.TextContent);
        Assert.Contains("4 / 50", own.QuerySelector("[data-testid=total]")!.TextContent);
    }

    [Fact]
    public async Task A_session_planned_for_a_later_day_is_not_counted_as_held_on_the_project_page_in_execution_nor_on_the_beneficiaries_page()
    {
        const int year = 2114;
        using var inYear = DeliveryData.LateInYear(app.Factory, year); // today is 20 December
        var project = await DeliveryData.ProjectAsync(app.Factory, year, plannedSessions: 12);
        await DeliveryData.SessionAsync(app.Factory, project, heldOn: new DateOnly(year, 3, 1));
        await DeliveryData.SessionAsync(app.Factory, project, heldOn: new DateOnly(year, 12, 20));
        await DeliveryData.SessionAsync(app.Factory, project, heldOn: new DateOnly(year, 12, 28)); // planned, not yet held

        var staff = await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser);
        var (_, delivery) = await staff.GetAsync($"/Delivery/{project}");
        Assert.Equal("2（12）", delivery.QuerySelector("[data-testid=sessions-held]")!.TextContent.Trim());
        var (_, execution) = await staff.GetAsync($"/Delivery/Execution?year={year}");
        Assert.Contains("2 / 12", execution.QuerySelector("[data-testid=total]")!.TextContent);
        var regionId = await TestData.RegionIdAsync(app.Factory, DeliveryData.TangKeng);
        var (_, reach) = await (await Browser.LoginAsync(app.Factory, "district")).GetAsync($"/Beneficiaries?year={year}");
        var cells = reach.QuerySelectorAll($"[data-testid=concentration] tr[data-region='{regionId}'] td");
        Assert.Equal("2", cells[3].TextContent.Trim()); // 场次
    }

    private async Task<int> SubdistrictOfAsync(string communityCode)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await DeliveryData.Db(scope).Regions.Where(r => r.Code == communityCode).Select(r => r.ParentId!.Value).SingleAsync();
    }

    [Fact]
    public async Task The_district_concentration_page_follows_new_sign_ins_and_each_user_sees_only_their_scope()
    {
        const int year = 2057;
        var project = await DeliveryData.ProjectAsync(app.Factory, year);
        var regionId = await TestData.RegionIdAsync(app.Factory, DeliveryData.TangKeng);
        var district = await Browser.LoginAsync(app.Factory, "district");
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        var register = scope.ServiceProvider.GetRequiredService<ParticipantRegister>();
        var (sessionId, _) = await DeliveryData.SessionAsync(app.Factory, project, heldOn: new DateOnly(year, 3, 1));
        var session = await db.ActivitySessions.SingleAsync(x => x.Id == sessionId);

        async Task<string?> ParticipantsAsync(Browser who)
        {
            var (_, page) = await who.GetAsync($"/Beneficiaries?year={year}");
            return page.QuerySelector($"[data-testid=concentration] tr[data-region='{regionId}'] td:nth-child(5)")?.TextContent;
        }
        await register.AttendAsync(session, await register.FindOrAddAsync("甲", DeliveryData.NewPhone(), null), byQr: true);
        Assert.Equal("1", await ParticipantsAsync(district));
        await register.AttendAsync(session, await register.FindOrAddAsync("乙", DeliveryData.NewPhone(), null), byQr: true);
        Assert.Equal("2", await ParticipantsAsync(district));
        // The figures the district's request computed are not shown to another community's staff.
        Assert.Null(await ParticipantsAsync(await Browser.LoginAsync(app.Factory, "cs-lk")));
        Assert.Equal("2", await ParticipantsAsync(await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser)));
    }
}
