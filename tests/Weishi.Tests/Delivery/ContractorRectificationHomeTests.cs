using System.Net;
using Weishi.Tests.Infrastructure;

namespace Weishi.Tests.Delivery;

/// <summary>A contractor's home lists the rectifications it owes until the supervisor closes them.</summary>
[Collection(DemoCollection.Name)]
public class ContractorRectificationHomeTests(DemoApp app)
{
    [Fact]
    public async Task An_open_rectification_shows_on_the_contractors_home_until_it_is_closed()
    {
        const int year = 2115;
        var project = await DeliveryData.ProjectAsync(app.Factory, year);
        using var inYear = DeliveryData.LateInYear(app.Factory, year);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        var inspected = await officer.SubmitAsync($"/Inspections/New/{project}", new()
        {
            ["InspectedOn"] = $"{year}-06-01", ["Inspector"] = "碧岭街道 周", ["Checked"] = "活动按计划场次开展", ["Findings"] = "签到表缺少三场活动的记录",
            ["ContentMatches"] = "true", ["RectificationRequired"] = "true", ["RectificationDueOn"] = $"{year}-06-15",
        });
        Assert.Equal(HttpStatusCode.Redirect, inspected.StatusCode);
        var detail = inspected.Headers.Location!.OriginalString;

        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        string? Listed(AngleSharp.Html.Dom.IHtmlDocument home) =>
            home.QuerySelectorAll("[data-testid=open-rectifications] li").FirstOrDefault(li => li.TextContent.Contains("签到表缺少三场活动的记录"))?.TextContent;
        var (_, home) = await contractor.GetAsync("/Home/Contractor");
        var item = Listed(home);
        Assert.NotNull(item);
        Assert.Contains($"整改期限 {year}-06-15", item);
        Assert.Contains("尚未提交整改情况", item);
        Assert.Contains(home.QuerySelectorAll("[data-testid=open-rectifications] a"), a => a.GetAttribute("href") == detail);

        Assert.Equal(HttpStatusCode.Redirect, (await contractor.SubmitAsync(detail, new() { ["Answer"] = "已补齐签到表" }, postUrl: detail + "?handler=Respond")).StatusCode);
        (_, home) = await contractor.GetAsync("/Home/Contractor");
        Assert.Contains("已提交整改情况，待监督单位复核", Listed(home));

        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitAsync(detail, new(), postUrl: detail + "?handler=Close")).StatusCode);
        (_, home) = await contractor.GetAsync("/Home/Contractor");
        Assert.Null(Listed(home));
    }
}
