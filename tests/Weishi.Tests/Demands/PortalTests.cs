using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using static Weishi.Tests.Demands.DemandHelpers;

namespace Weishi.Tests.Demands;

/// <summary>The public portal: anonymous submission, receipt with a tracking code, tracking, bad input refused.</summary>
[Collection(DemoCollection.Name)]
public class PortalTests(DemoApp app)
{
    private async Task<HttpResponseMessage> SubmitAsync(Browser resident, Dictionary<string, string> fields, (string, string, byte[])? photo = null) =>
        await resident.PostMultipartAsync("/Portal/Submit", fields, photo);

    [Fact]
    public async Task A_resident_submits_a_need_anonymously_and_tracks_it_with_the_code()
    {
        var marker = Marker();
        var resident = Browser.For(app.Factory);
        var response = await SubmitAsync(resident, new()
        {
            ["Text"] = $"小区门口路灯坏了，晚上很黑 {marker}", ["Community"] = LiuLian, ["AgeBand"] = nameof(AgeBand.From60),
            ["ResidentType"] = nameof(ResidentType.Migrant), ["Groups"] = nameof(ResidentGroups.Elderly),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (status, page) = await resident.GetAsync(response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        var code = page.QuerySelector("[data-testid=tracking-code]")!.TextContent.Trim();
        Assert.Equal(10, code.Length);
        Assert.Equal("待处理", page.QuerySelector("[data-testid=demand-status]")!.TextContent.Trim());

        var stored = Assert.Single(await DemandsContainingAsync(app.Factory, marker));
        Assert.Equal(DemandChannel.Portal, stored.Channel);
        Assert.Equal(code, stored.TrackingCode);
        Assert.Equal(AgeBand.From60, stored.AgeBand);
        Assert.Equal(ResidentType.Migrant, stored.ResidentType);
        Assert.Equal(ResidentGroups.Elderly, stored.Groups);

        // Anyone with the code (another browser) sees the same status; a wrong code shows a message.
        var (_, again) = await Browser.For(app.Factory).GetAsync("/Portal/Track?code=" + code.ToLowerInvariant());
        Assert.Contains(marker, again.QuerySelector("[data-testid=demand-text]")!.TextContent);
        var (_, wrong) = await Browser.For(app.Factory).GetAsync("/Portal/Track?code=ZZZZZZZZZZ");
        Assert.NotNull(wrong.QuerySelector("[data-testid=not-found]"));
    }

    [Fact]
    public async Task The_community_can_be_found_from_an_address_keyword()
    {
        var marker = Marker();
        var response = await SubmitAsync(Browser.For(app.Factory), new() { ["Text"] = $"希望增加健身器材 {marker}", ["Address"] = "坪山区坪山街道六和社区某某花园 3 栋" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await DemandsContainingAsync(app.Factory, marker));
        Assert.Equal(await TestData.RegionIdAsync(app.Factory, LiuHe), stored.RegionId);
    }

    [Theory]
    [InlineData("", "需求内容不能为空")]
    [InlineData("   ", "需求内容不能为空")]
    [InlineData("OVERSIZE", "不能超过 1000 字")]
    public async Task Empty_or_oversize_text_is_refused_with_a_Chinese_message(string text, string message)
    {
        var marker = Marker();
        if (text == "OVERSIZE") text = marker + new string('长', 1000);
        var response = await SubmitAsync(Browser.For(app.Factory), new() { ["Text"] = text, ["Community"] = LiuLian });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = Parser.ParseDocument(response.Text());
        Assert.Contains(message, doc.QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Empty(await DemandsContainingAsync(app.Factory, marker));
    }

    [Fact]
    public async Task An_address_over_500_characters_is_refused_and_one_of_500_is_kept_whole()
    {
        var marker = Marker();
        var tooLong = await SubmitAsync(Browser.For(app.Factory), new() { ["Text"] = $"希望修路 {marker}", ["Community"] = LiuLian, ["Address"] = new string('路', 501) });
        Assert.Contains("地址不超过 500 字", Parser.ParseDocument(tooLong.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Empty(await DemandsContainingAsync(app.Factory, marker));

        var kept = await SubmitAsync(Browser.For(app.Factory), new() { ["Text"] = $"希望修路 {marker}", ["Community"] = LiuLian, ["Address"] = new string('路', 500) });
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(new string('路', 500), Assert.Single(await DemandsContainingAsync(app.Factory, marker)).Location);
    }

    [Fact]
    public async Task A_photo_that_is_not_an_image_or_is_over_5_MB_is_refused_and_nothing_is_stored()
    {
        var marker = Marker();
        var fake = await SubmitAsync(Browser.For(app.Factory), new() { ["Text"] = $"附照片的需求 {marker}", ["Community"] = LiuLian },
            ("Photo", "photo.jpg", "<html>not an image</html>"u8.ToArray()));
        Assert.Contains("不是图片", Parser.ParseDocument(fake.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);

        var big = new byte[5 * 1024 * 1024 + 1];
        DemandHelpers.TinyPng.CopyTo(big, 0);
        var oversize = await SubmitAsync(Browser.For(app.Factory), new() { ["Text"] = $"附照片的需求 {marker}", ["Community"] = LiuLian },
            ("Photo", "big.png", big));
        Assert.Contains("不能超过 5 MB", Parser.ParseDocument(oversize.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Empty(await DemandsContainingAsync(app.Factory, marker));
    }

    [Fact]
    public async Task A_real_photo_and_a_phone_are_kept_the_phone_encrypted_and_shown_masked_to_staff()
    {
        var marker = Marker();
        var response = await SubmitAsync(Browser.For(app.Factory),
            new() { ["Text"] = $"楼道台阶破损 {marker}", ["Community"] = LiuLian, ["Phone"] = "13812345678" },
            ("Photo", "stairs.png", DemandHelpers.TinyPng));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = Assert.Single(await DemandsContainingAsync(app.Factory, marker));
        Assert.NotNull(stored.PhotoPath);
        Assert.DoesNotContain("13812345678", stored.ContactPhoneEncrypted);
        Assert.Equal("138****5678", stored.ContactPhoneMasked);

        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, detail) = await staff.GetAsync($"/Demands/Detail/{stored.Id}");
        Assert.Equal("138****5678", detail.QuerySelector("[data-testid=demand-phone]")!.TextContent.Trim());
        Assert.DoesNotContain("13812345678", detail.Body!.InnerHtml);
        var photo = await staff.Client.GetAsync($"/Demands/Detail/{stored.Id}?handler=Photo");
        Assert.Equal("image/png", photo.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_bad_phone_is_refused()
    {
        var marker = Marker();
        var response = await SubmitAsync(Browser.For(app.Factory), new() { ["Text"] = $"需要更多垃圾桶 {marker}", ["Community"] = LiuLian, ["Phone"] = "12345" });
        Assert.Contains("手机号码", Parser.ParseDocument(response.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
        Assert.Empty(await DemandsContainingAsync(app.Factory, marker));
    }

    [Fact]
    public async Task Script_in_the_text_is_shown_escaped()
    {
        var marker = Marker();
        var resident = Browser.For(app.Factory);
        var response = await SubmitAsync(resident, new() { ["Text"] = $"<script>alert('x')</script>需要路灯 {marker}", ["Community"] = LiuLian });
        var html = (await resident.Client.GetAsync(response.Headers.Location!.ToString())).Text();
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task The_portal_pages_are_public_and_the_poster_has_a_QR_code_for_the_community()
    {
        var visitor = Browser.For(app.Factory);
        foreach (var url in new[] { "/Portal", "/Portal/Submit", "/Portal/Track", $"/Portal/Poster?community={LiuLian}" })
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(url)).Status);
        var (_, form) = await visitor.GetAsync($"/Portal/Submit?community={LiuLian}");
        Assert.Equal(LiuLian, form.QuerySelector("select[name=Community] option[selected]")!.GetAttribute("value"));
        var qr = await visitor.Client.GetAsync($"/Portal/Poster?handler=Qr&community={LiuLian}");
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        Assert.NotNull(Weishi.Web.Infrastructure.Files.ImageCheck.Detect(await qr.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/Portal/Poster?community=999")).Status);
    }

    [Fact]
    public async Task The_form_needs_its_antiforgery_token()
    {
        var marker = Marker();
        var content = new MultipartFormDataContent { { new StringContent($"没有令牌的提交 {marker}"), "Text" }, { new StringContent(LiuLian), "Community" } };
        var response = await Browser.For(app.Factory).Client.PostAsync("/Portal/Submit", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await DemandsContainingAsync(app.Factory, marker));
    }
}

/// <summary>The public form is rate-limited per client (on its own app with a low limit).</summary>
public class PortalRateLimitTests
{
    [Fact]
    public async Task The_third_post_within_a_minute_is_refused_but_reading_is_not()
    {
        await using var app = await OwnApp.StartAsync(("RateLimits:PortalPerMinute", "2"));
        var client = Browser.For(app.Factory);
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            codes.Add((await client.PostMultipartAsync("/Portal/Submit", new() { ["Text"] = "" })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], codes);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Portal/Submit")).Status);
    }
}
