using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Delivery;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

/// <summary>
/// Texts longer than their column are refused by the context before anything is written, on SQLite as on PostgreSQL,
/// and a page that did not check the length itself answers with the form and a Chinese message instead of a 500.
/// </summary>
[Collection(DemoCollection.Name)]
public class TextLengthTests(DemoApp app)
{
    [Fact]
    public async Task A_text_longer_than_its_column_is_refused_before_anything_is_written()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2048);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = Fixtures.Db(scope);
            db.Milestones.Add(new Milestone { ProjectId = project, Name = "首次活动", Deliverable = "活动记录", PlannedOn = new DateOnly(2048, 3, 1) });
            db.Milestones.Add(new Milestone { ProjectId = project, Name = new string('节', 81), Deliverable = "活动记录", PlannedOn = new DateOnly(2048, 4, 1) });
            var refused = await Assert.ThrowsAsync<TextTooLongException>(() => db.SaveChangesAsync());
            Assert.Equal((nameof(Milestone), nameof(Milestone.Name), 80, 81), (refused.Entity, refused.Property, refused.MaxLength, refused.Length));
            Assert.Equal("「里程碑的名称」过长，最多 80 个字（现为 81 个字），未保存", refused.Message);
        }
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.Milestones.CountAsync(m => m.ProjectId == project)));
    }

    [Fact]
    public async Task Lengths_count_characters_as_PostgreSQL_does()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2048);
        // 80 characters outside the Basic Multilingual Plane: 160 UTF-16 units, 80 characters for PostgreSQL.
        var rare = string.Concat(Enumerable.Repeat("𠀀", 80));
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = Fixtures.Db(scope);
            db.Milestones.Add(new Milestone { ProjectId = project, Name = rare, Deliverable = "活动记录", PlannedOn = new DateOnly(2048, 3, 1) });
            await db.SaveChangesAsync();
        }
        Assert.Equal(rare, await Fixtures.QueryAsync(app.Factory, db => db.Milestones.Where(m => m.ProjectId == project).Select(m => m.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_form_without_its_own_length_check_is_shown_again_with_the_message_and_nothing_is_saved()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2048);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var response = await contractor.SubmitAsync($"/Delivery/NewSession/{project}", new()
        {
            ["Input.HeldOn"] = "2048-05-06", ["Input.From"] = "09:00", ["Input.To"] = "11:00", ["Input.Place"] = "汤坑社区党群服务中心",
            ["Input.Content"] = new string('课', 2001), ["Input.Staff"] = "社工 李",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await contractor.ReadAsync(response);
        Assert.Equal("「活动记录的内容」过长，最多 2000 个字（现为 2001 个字），未保存", page.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Equal("汤坑社区党群服务中心", page.QuerySelector("input[name='Input.Place']")!.GetAttribute("value"));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.ActivitySessions.CountAsync(s => s.ProjectId == project)));
    }

    [Fact]
    public async Task An_htmx_post_refused_for_length_is_sent_back_to_its_page_with_the_message()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2048);
        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        var url = $"/Delivery/NewSession/{project}";
        var (_, form) = await contractor.GetAsync(url);
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.HeldOn"] = "2048-05-06", ["Input.From"] = "09:00", ["Input.To"] = "11:00", ["Input.Place"] = "汤坑社区党群服务中心",
                ["Input.Content"] = new string('课', 2001), ["Input.Staff"] = "社工 李",
                ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            }),
        };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Referrer = new Uri(contractor.Client.BaseAddress!, url);
        var response = await contractor.Client.SendAsync(request);

        Assert.Equal(url, response.Headers.GetValues("HX-Redirect").Single());
        var (_, back) = await contractor.GetAsync(url);
        Assert.Contains("「活动记录的内容」过长，最多 2000 个字", back.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.ActivitySessions.CountAsync(s => s.ProjectId == project)));
    }

    [Fact]
    public async Task A_page_that_cannot_be_shown_from_its_post_sends_the_user_back_to_the_form_with_the_message_and_nothing_is_saved()
    {
        // The record handler of the asset page redirects and never loads the asset the page shows. No form of such a
        // handler can reach the central check any more (each limits what is typed; what the system adds fits its column),
        // so the test makes the record's save be refused as the check refuses it.
        var id = await AssetAsync();
        var refusal = new TextTooLongException(nameof(AssetRecord), nameof(AssetRecord.Defects), 500, 501);
        using var refuse = app.Factory.BeforeSaves((context, _) =>
            context.ChangeTracker.Entries<AssetRecord>().Any(e => e.State == EntityState.Added && e.Entity.AssetId == id) ? throw refusal : Task.CompletedTask);
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll");
        var url = $"/Maintenance/Asset/{id}";
        var response = await cs.SubmitAsync(url, new() { ["kind"] = "Inspection", ["on"] = "2025-03-04", ["defects"] = "灯罩破损" },
            $"{url}?handler=Record", "form[data-testid=record-form]");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(url, response.Headers.Location!.OriginalString);
        var (status, back) = await cs.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(refusal.Message, back.QuerySelector("[data-testid=flash-error]")!.TextContent);
        Assert.StartsWith("「资产巡查维修记录", refusal.Message);
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.AssetRecords.AnyAsync(r => r.AssetId == id)));
    }

    private async Task<int> AssetAsync()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        return await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var a = new Asset { RegionId = regionId, Name = "长度测试路灯" + Guid.NewGuid().ToString("N")[..6], Kind = AssetKind.Lighting, CompletedOn = new DateOnly(2021, 12, 12), ExpectedLifeYears = 8, Address = "六联社区" };
            db.Assets.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
    }

    [Theory]
    [InlineData("bodyName", 121, "管养主体名称不能超过 120 字")]
    [InlineData("address", 201, "地址不能超过 200 字")]
    public async Task The_upkeep_form_refuses_a_too_long_name_or_address_on_the_form_and_keeps_the_asset(string field, int length, string message)
    {
        var id = await AssetAsync();
        var fields = new Dictionary<string, string> { ["body"] = nameof(UpkeepBody.Community), ["bodyName"] = "六联社区工作站", ["reserve"] = "1000", ["address"] = "六联社区", ["life"] = "8" };
        fields[field] = new string('长', length);
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll");
        var url = $"/Maintenance/Asset/{id}";
        var response = await cs.SubmitAsync(url, fields, $"{url}?handler=Upkeep", "form[data-testid=upkeep-form]");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Fixtures.Errors(await cs.ReadAsync(response)));
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => a.Id == id).Select(a => new { a.UpkeepBody, a.Address }).SingleAsync());
        Assert.Equal((UpkeepBody.None, "六联社区"), (stored.UpkeepBody, stored.Address));
    }
}
