using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Infrastructure.Auth;

namespace Weishi.Tests.Contractors;

[Collection(DemoCollection.Name)]
public class RegistryTests(DemoApp app)
{
    private static Dictionary<string, string> Form(string name, string code, string registered = "2018-03-01", string staff = "6", string social = "2") => new()
    {
        ["Input.Name"] = name,
        ["Input.CreditCode"] = code,
        ["Input.Type"] = nameof(ContractorType.SocialOrganisation),
        ["Input.RegisteredOn"] = registered,
        ["Input.OrgRatingLevel"] = "4",
        ["Input.OrgRatedOn"] = "2022-06-30",
        ["Input.FullTimeStaff"] = staff,
        ["Input.CertifiedSocialWorkers"] = social,
        ["Input.Address"] = "深圳市坪山区坪山大道 1 号",
        ["Input.ContactName"] = "陈主任",
        ["Input.ContactPhone"] = "13812345678",
        ["Input.ServiceAreas"] = nameof(ProjectCategory.Elderly),
    };

    private Task<int> CountAsync() => ContractorTestData.WithDbAsync(app.Factory, db => db.Contractors.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task District_registers_a_contractor_with_its_registry_fields_and_a_masked_phone()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var code = ContractorTestData.NewCreditCode();
        var response = await district.SubmitAsync("/Contractors/Edit", Form("坪山区测试登记社工中心", code.ToLowerInvariant()));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await ContractorTestData.WithDbAsync(app.Factory, db => db.Contractors.SingleAsync(c => c.CreditCode == code));
        Assert.Equal(new DateOnly(2018, 3, 1), saved.RegisteredOn);
        Assert.Equal(6, saved.FullTimeStaff);
        Assert.Equal(4, saved.OrgRatingLevel);
        Assert.Equal([ProjectCategory.Elderly], saved.Categories);
        Assert.Equal("138****5678", saved.ContactPhoneMasked);
        Assert.DoesNotContain("13812345678", saved.ContactPhoneEncrypted);

        var (_, page) = await district.GetAsync($"/Contractors/Detail/{saved.Id}");
        var registry = page.QuerySelector("[data-testid=registry]")!.TextContent;
        Assert.Contains("138****5678", registry);
        Assert.DoesNotContain("13812345678", page.Body!.InnerHtml);
        Assert.Contains("4A", registry);
    }

    [Theory]
    [InlineData("dup", "该统一社会信用代码已登记")]
    [InlineData("future", "登记成立日期不能晚于今天")]
    [InlineData("negative", "专职人员数不能为负数")]
    [InlineData("badcode", "校验位")]
    [InlineData("notanumber", "专职人员数")]
    [InlineData("morecertified", "持证社工（500 人）不能多于专职人员（21 人）")]
    public async Task Bad_registry_input_shows_a_Chinese_message_and_saves_nothing(string kind, string message)
    {
        var existing = await ContractorTestData.CreateAsync(app.Factory);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var code = ContractorTestData.NewCreditCode();
        var form = kind switch
        {
            "dup" => Form("重复代码的单位", existing.Code),
            "future" => Form("未来成立的单位", code, registered: DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd")),
            "negative" => Form("人数为负的单位", code, staff: "-3"),
            "badcode" => Form("校验位错误的单位", code[..17] + (code[17] == '0' ? '1' : '0')),
            "morecertified" => Form("持证社工多于专职人员的单位", code, staff: "21", social: "500"),
            _ => Form("人数不是数字的单位", code, staff: "很多"),
        };
        var before = await CountAsync();

        var response = await district.SubmitAsync("/Contractors/Edit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await district.ReadAsync(response);
        Assert.Contains(message, doc.QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Editing_cannot_take_another_contractors_code()
    {
        var a = await ContractorTestData.CreateAsync(app.Factory);
        var b = await ContractorTestData.CreateAsync(app.Factory);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.SubmitAsync($"/Contractors/Edit/{b.Id}", Form(b.Name, a.Code));
        Assert.Contains("已登记", (await district.ReadAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.Equal(b.Code, (await ContractorTestData.LoadAsync(app.Factory, b.Id)).CreditCode);
    }

    [Fact]
    public async Task A_contractor_sees_and_edits_only_itself()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var other = await ContractorTestData.CreateAsync(app.Factory);
        var user = await ContractorTestData.CreateUserAsync(app.Factory, own.Code);
        var contractor = await Browser.LoginAsync(app.Factory, user);

        var (_, list) = await contractor.GetAsync("/Contractors");
        var names = list.QuerySelectorAll("[data-testid=contractor-table] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Single(names);
        Assert.Contains(own.Name, names[0]);

        Assert.Equal(HttpStatusCode.NotFound, (await contractor.GetAsync($"/Contractors/Detail/{other.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await contractor.GetAsync($"/Contractors/Detail/{own.Id}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync($"/Contractors/Edit/{other.Id}")).Status);
        var post = await contractor.SubmitAsync("/Contractors/Profile", Form("改名", other.Code), postUrl: $"/Contractors/Edit/{other.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(other.Name, (await ContractorTestData.LoadAsync(app.Factory, other.Id)).Name);
    }

    [Fact]
    public async Task Key_field_changes_by_the_contractor_wait_for_the_district_and_open_fields_save_at_once()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory, c => c.FullTimeStaff = 3);
        var user = await ContractorTestData.CreateUserAsync(app.Factory, own.Code);
        var contractor = await Browser.LoginAsync(app.Factory, user);
        var form = Form(own.Name, own.Code, registered: "2015-05-01", staff: "12", social: "4");
        form["Input.Address"] = "深圳市坪山区新地址 8 号";

        var response = await contractor.SubmitAsync("/Contractors/Profile", form, formSelector: "[data-testid=registry-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await ContractorTestData.LoadAsync(app.Factory, own.Id);
        Assert.Equal("深圳市坪山区新地址 8 号", stored.Address);
        Assert.Equal(3, stored.FullTimeStaff);
        var (_, profile) = await contractor.GetAsync("/Contractors/Profile");
        Assert.NotNull(profile.QuerySelector("[data-testid=pending]"));

        var requestId = await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorChangeRequests
            .Where(r => r.ContractorId == own.Id && r.Status == ChangeStatus.Pending).Select(r => r.Id).SingleAsync());
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, changes) = await district.GetAsync("/Contractors/Changes");
        Assert.Contains("专职人员数：3 → 12", changes.QuerySelector("[data-testid=pending-changes]")!.TextContent);
        var approve = await district.SubmitAsync("/Contractors/Changes", new() { ["requestId"] = requestId.ToString(), ["approve"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(12, (await ContractorTestData.LoadAsync(app.Factory, own.Id)).FullTimeStaff);
    }

    [Fact]
    public async Task A_decision_note_over_500_characters_is_refused_and_leaves_the_change_waiting_and_one_of_500_is_kept_whole()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory, c => c.FullTimeStaff = 3);
        var contractor = await Browser.LoginAsync(app.Factory, await ContractorTestData.CreateUserAsync(app.Factory, own.Code));
        await contractor.SubmitAsync("/Contractors/Profile", Form(own.Name, own.Code, staff: "12", social: "4"), formSelector: "[data-testid=registry-form]");
        var requestId = await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorChangeRequests
            .Where(r => r.ContractorId == own.Id && r.Status == ChangeStatus.Pending).Select(r => r.Id).SingleAsync());
        var district = await Browser.LoginAsync(app.Factory, "district");

        var refused = await district.SubmitAsync("/Contractors/Changes", new() { ["requestId"] = requestId.ToString(), ["approve"] = "true", ["note"] = new string('意', 501) });
        var (_, back) = await district.GetAsync(refused.Headers.Location!.OriginalString);
        Assert.Equal("意见不超过 500 字，未处理", back.QuerySelector("[data-testid=flash-error]")!.TextContent.Trim());
        Assert.Equal(ChangeStatus.Pending, await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorChangeRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
        Assert.Equal(3, (await ContractorTestData.LoadAsync(app.Factory, own.Id)).FullTimeStaff);

        await district.SubmitAsync("/Contractors/Changes", new() { ["requestId"] = requestId.ToString(), ["approve"] = "true", ["note"] = new string('意', 500) });
        Assert.Equal(new string('意', 500), await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorChangeRequests.Where(r => r.Id == requestId).Select(r => r.Note).SingleAsync()));
    }

    [Fact]
    public async Task A_contractor_cannot_submit_a_negative_staff_count_either()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var user = await ContractorTestData.CreateUserAsync(app.Factory, own.Code);
        var contractor = await Browser.LoginAsync(app.Factory, user);
        var response = await contractor.SubmitAsync("/Contractors/Profile", Form(own.Name, own.Code, staff: "-1"), formSelector: "[data-testid=registry-form]");
        Assert.Contains("专职人员数不能为负数", (await contractor.ReadAsync(response)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.False(await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorChangeRequests.AnyAsync(r => r.ContractorId == own.Id)));

        var moreCertified = await contractor.SubmitAsync("/Contractors/Profile", Form(own.Name, own.Code, staff: "21", social: "500"), formSelector: "[data-testid=registry-form]");
        Assert.Contains("持证社工（500 人）不能多于专职人员（21 人）", (await contractor.ReadAsync(moreCertified)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.False(await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorChangeRequests.AnyAsync(r => r.ContractorId == own.Id)));
    }

    [Fact]
    public async Task Staff_id_numbers_and_phones_are_never_stored_in_clear()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var user = await ContractorTestData.CreateUserAsync(app.Factory, own.Code);
        var contractor = await Browser.LoginAsync(app.Factory, user);
        const string id = "11010519491231002X";
        var response = await contractor.SubmitAsync("/Contractors/Profile", new()
        {
            ["NewStaff.Name"] = "林社工", ["NewStaff.IdNumber"] = id, ["NewStaff.Phone"] = "13912345678",
            ["NewStaff.Qualification"] = "中级社会工作师", ["NewStaff.FullTime"] = "true",
        }, postUrl: "/Contractors/Profile?handler=Staff", formSelector: "[data-testid=staff-form]");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var staff = await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorStaff.SingleAsync(s => s.ContractorId == own.Id));
        Assert.Equal(64, staff.IdNumberHash!.Length);
        Assert.DoesNotContain(id, staff.IdNumberHash);
        Assert.DoesNotContain("13912345678", staff.PhoneEncrypted);
        var (_, page) = await contractor.GetAsync($"/Contractors/Detail/{own.Id}");
        Assert.Contains("139****5678", page.QuerySelector("[data-testid=staff]")!.TextContent);
        Assert.DoesNotContain("13912345678", page.Body!.InnerHtml);

        var bad = await contractor.SubmitAsync("/Contractors/Profile", new() { ["NewStaff.Name"] = "王某", ["NewStaff.IdNumber"] = "110105194912310021" },
            postUrl: "/Contractors/Profile?handler=Staff", formSelector: "[data-testid=staff-form]");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal(1, await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorStaff.CountAsync(s => s.ContractorId == own.Id)));
    }

    [Fact]
    public async Task The_list_filters_and_exports_to_Excel()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, all) = await district.GetAsync("/Contractors");
        Assert.True(all.QuerySelectorAll("[data-testid=contractor-table] tbody tr").Length >= 60);
        var (_, watched) = await district.GetAsync("/Contractors?flag=watch");
        var watchedRows = watched.QuerySelectorAll("[data-testid=contractor-table] tbody tr");
        Assert.NotEmpty(watchedRows);
        Assert.All(watchedRows, r => Assert.Contains("重点关注", r.TextContent));
        var (_, suspended) = await district.GetAsync("/Contractors?flag=suspended");
        Assert.NotEmpty(suspended.QuerySelectorAll("[data-testid=contractor-table] tbody tr"));

        var export = await district.Client.GetAsync("/Contractors?handler=Export&flag=watch");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
    }

    [Fact]
    public async Task A_contractor_cannot_remove_another_contractors_staff_and_bad_declared_projects_are_refused()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var other = await ContractorTestData.CreateAsync(app.Factory);
        var otherStaffId = await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            var s = new ContractorStaff { ContractorId = other.Id, Name = "他人员工" };
            db.ContractorStaff.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var contractor = await Browser.LoginAsync(app.Factory, await ContractorTestData.CreateUserAsync(app.Factory, own.Code));
        await ContractorTestData.WithDbAsync(app.Factory, async db =>
        {
            db.ContractorStaff.Add(new ContractorStaff { ContractorId = own.Id, Name = "本单位社工" });
            return await db.SaveChangesAsync();
        });
        // Removing a staff member asks first, naming them.
        var (_, profile) = await contractor.GetAsync("/Contractors/Profile");
        Assert.Contains("确定从工作人员名单中删除“本单位社工”", profile.QuerySelector("[data-testid=staff] form[action*=RemoveStaff]")!.GetAttribute("data-confirm"));

        var remove = await contractor.SubmitAsync("/Contractors/Profile", [], postUrl: $"/Contractors/Profile?handler=RemoveStaff&staffId={otherStaffId}");
        Assert.Equal(HttpStatusCode.NotFound, remove.StatusCode);
        Assert.True(await ContractorTestData.WithDbAsync(app.Factory, db => db.ContractorStaff.AnyAsync(s => s.Id == otherStaffId)));

        var negative = await contractor.SubmitAsync("/Contractors/Profile", new() { ["NewDeclared.Year"] = "2022", ["NewDeclared.Name"] = "长者探访", ["NewDeclared.AmountYuan"] = "-100" },
            postUrl: "/Contractors/Profile?handler=Declared", formSelector: "[data-testid=declared-form]");
        Assert.Contains("金额不能为负数", (await contractor.ReadAsync(negative)).QuerySelector("[data-testid=errors]")!.TextContent);
        var future = await contractor.SubmitAsync("/Contractors/Profile", new() { ["NewDeclared.Year"] = "2999", ["NewDeclared.Name"] = "长者探访", ["NewDeclared.AmountYuan"] = "100" },
            postUrl: "/Contractors/Profile?handler=Declared", formSelector: "[data-testid=declared-form]");
        Assert.Contains("年度应在", (await contractor.ReadAsync(future)).QuerySelector("[data-testid=errors]")!.TextContent);
        Assert.False(await ContractorTestData.WithDbAsync(app.Factory, db => db.DeclaredProjects.AnyAsync(d => d.ContractorId == own.Id)));

        var ok = await contractor.SubmitAsync("/Contractors/Profile", new() { ["NewDeclared.Year"] = "2022", ["NewDeclared.Name"] = "长者探访", ["NewDeclared.Client"] = "罗湖区某社区", ["NewDeclared.AmountYuan"] = "85000" },
            postUrl: "/Contractors/Profile?handler=Declared", formSelector: "[data-testid=declared-form]");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (_, detail) = await contractor.GetAsync($"/Contractors/Detail/{own.Id}");
        Assert.Contains("罗湖区某社区", detail.QuerySelector("[data-testid=declared]")!.TextContent);
    }

    [Fact]
    public async Task A_contractor_writing_another_contractors_rows_is_stopped_by_the_context()
    {
        var own = await ContractorTestData.CreateAsync(app.Factory);
        var other = await ContractorTestData.CreateAsync(app.Factory);
        using var scope = app.Factory.Services.CreateScope();
        var actingAs = new UserScope("u", "contractor-user", false, false, [], own.Id, new HashSet<AppRole> { AppRole.Contractor });
        await using var db = app.Factory.CreateDbContext(scope, actingAs);

        db.ContractorViolations.Add(new ContractorViolation { ContractorId = other.Id, Description = "伪造", OccurredOn = new DateOnly(2024, 1, 1) });
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var foreign = await db.Contractors.IgnoreQueryFilters().SingleAsync(c => c.Id == other.Id);
        foreign.Name = "被改名";
        await Assert.ThrowsAsync<ScopeViolationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        var mine = await db.Contractors.SingleAsync(c => c.Id == own.Id);
        mine.Address = "本单位新地址";
        await db.SaveChangesAsync();
        Assert.Equal(other.Name, (await ContractorTestData.LoadAsync(app.Factory, other.Id)).Name);
    }
}
