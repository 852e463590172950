using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Maintenance;
using Xunit;

namespace Weishi.Tests.ValueForMoney;

/// <summary>Inspection and repair records: dated between the asset's completion and today, repairs say what was done.</summary>
[Collection(DemoCollection.Name)]
public class AssetRecordRuleTests(DemoApp app)
{
    private static readonly DateOnly Completed = new(2021, 12, 12);

    private async Task<int> AssetAsync()
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        return await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var a = new Asset { RegionId = regionId, Name = "记录规则测试路灯" + Guid.NewGuid().ToString("N")[..6], Kind = AssetKind.Lighting, CompletedOn = Completed, ExpectedLifeYears = 8 };
            db.Assets.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
    }

    private async Task<(HttpStatusCode Status, string Errors)> PostAsync(int id, Dictionary<string, string> fields)
    {
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll");
        var response = await cs.SubmitAsync($"/Maintenance/Asset/{id}", fields, $"/Maintenance/Asset/{id}?handler=Record", "form[data-testid=record-form]");
        return (response.StatusCode, Fixtures.Errors(await cs.ReadAsync(response)));
    }

    private Task<bool> AnyRecordAsync(int id) => Fixtures.QueryAsync(app.Factory, db => db.AssetRecords.AnyAsync(r => r.AssetId == id));

    [Theory]
    [InlineData("Inspection", "2000-01-01", "巡查日期不能早于竣工日期（2021-12-12）")]
    [InlineData("Repair", "2021-12-11", "维修日期不能早于竣工日期（2021-12-12）")]
    [InlineData("Inspection", "2999-01-01", "日期不能晚于今天")]
    public async Task A_record_dated_before_completion_or_in_the_future_is_refused_and_saves_nothing(string kind, string on, string message)
    {
        var id = await AssetAsync();
        var (status, errors) = await PostAsync(id, new() { ["kind"] = kind, ["on"] = on, ["defects"] = "灯杆倾斜", ["cost"] = "100" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(message, errors);
        Assert.False(await AnyRecordAsync(id));
    }

    [Fact]
    public async Task A_repair_without_what_was_done_is_refused_and_an_inspection_on_the_completion_day_is_kept()
    {
        var id = await AssetAsync();
        var (status, errors) = await PostAsync(id, new() { ["kind"] = "Repair", ["on"] = "2022-03-01", ["defects"] = "  ", ["cost"] = "300" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("请填写维修内容", errors);
        Assert.False(await AnyRecordAsync(id));

        // An inspection that found nothing needs no text; the completion day itself is fine.
        var (kept, _) = await PostAsync(id, new() { ["kind"] = "Inspection", ["on"] = "2021-12-12" });
        Assert.Equal(HttpStatusCode.Redirect, kept);
        Assert.True(await AnyRecordAsync(id));
    }

    [Fact]
    public async Task A_photo_with_an_overlong_file_name_is_kept_under_a_shortened_name_with_its_extension()
    {
        // Phones and messaging apps may send names of any length: 250 characters here, the column holds 200.
        var id = await AssetAsync();
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll");
        var url = $"/Maintenance/Asset/{id}";
        var name = "IMG_" + new string('9', 242) + ".jpg";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Fixtures.TokenAsync(cs, url)), "__RequestVerificationToken" },
            { new StringContent("Inspection"), "kind" },
            { new StringContent("2025-03-04"), "on" },
            { new StringContent("灯罩破损"), "defects" },
            { new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]), "photos", name },
        };
        var response = await cs.Client.PostAsync($"{url}?handler=Record", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.AssetPhotos.Where(p => p.Record!.AssetId == id).Select(p => p.FileName).SingleAsync());
        Assert.Equal(Weishi.Web.Infrastructure.Files.UploadName.MaxLength, stored.Length);
        Assert.StartsWith("IMG_999", stored);
        Assert.EndsWith(".jpg", stored);
    }
}
