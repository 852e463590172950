using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Findings;
using Xunit;

namespace Weishi.Tests.Findings;

[Collection(DemoCollection.Name)]
public class RecommendationLibraryTests(DemoApp app)
{
    private const string Pw = Weishi.Web.Features.Demo.DemoAccounts.Password;
    private const string Page = "/Findings/Library";

    private Task<string?> StoredAsync(string type) =>
        Fixtures.QueryAsync(app.Factory, db => db.Set<FindingRecommendation>().Where(r => r.Type == type).Select(r => r.Text).FirstOrDefaultAsync());

    private static Dictionary<string, string> Fields(string type, string text) => new() { ["type"] = type, ["text"] = text };

    [Fact]
    public async Task The_defaults_come_from_the_report_and_an_edit_is_used_by_the_detector_until_reset()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance", Pw);
        var (status, page) = await finance.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(FindingTypes.All.Count, page.QuerySelectorAll("[data-testid=recommendation]").Length);
        Assert.Contains("后续管养责任主体及经费安排", page.QuerySelector($"[data-type={FindingTypes.Upkeep}] textarea")!.TextContent);

        var saved = await finance.SubmitAsync(Page, Fields(FindingTypes.OneOff, "  优先支持持续服务的项目。 "), $"{Page}?handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("优先支持持续服务的项目。", await StoredAsync(FindingTypes.OneOff));
        await FindingData.ProjectAsync(app.Factory, 2160, oneOff: true);
        var finding = await FindingData.DetectAsync(app.Factory, FindingTypes.OneOff, FindingData.Year(2160));
        Assert.Equal("优先支持持续服务的项目。", finding!.Recommendation);

        await finance.SubmitAsync(Page, new() { ["type"] = FindingTypes.OneOff }, $"{Page}?handler=Reset");
        Assert.Null(await StoredAsync(FindingTypes.OneOff));
        finding = await FindingData.DetectAsync(app.Factory, FindingTypes.OneOff, FindingData.Year(2160));
        Assert.Equal(FindingTypes.Find(FindingTypes.OneOff)!.DefaultRecommendation, finding!.Recommendation);
    }

    [Fact]
    public async Task Bad_input_changes_nothing()
    {
        var district = await Browser.LoginAsync(app.Factory, "district", Pw);
        var empty = await district.ReadAsync(await district.SubmitAsync(Page, Fields(FindingTypes.Upkeep, "   "), $"{Page}?handler=Save"));
        Assert.Contains("建议内容不能为空", Fixtures.Errors(empty));
        var tooLong = await district.ReadAsync(await district.SubmitAsync(Page, Fields(FindingTypes.Upkeep, new string('长', FindingRecommendation.MaxLength + 1)), $"{Page}?handler=Save"));
        Assert.Contains("不能超过", Fixtures.Errors(tooLong));
        var unknown = await district.ReadAsync(await district.SubmitAsync(Page, Fields("no-such-type", "文字"), $"{Page}?handler=Save"));
        Assert.Contains("未知的问题类型", Fixtures.Errors(unknown));
        Assert.Null(await StoredAsync(FindingTypes.Upkeep));
        Assert.Null(await StoredAsync("no-such-type"));

        var cs = await Browser.LoginAsync(app.Factory, "cs-tk", Pw);
        var (status, page) = await cs.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(page.QuerySelectorAll("textarea"));
        var token = await Fixtures.TokenAsync(cs, "/Demands/Create");
        var refused = await cs.Client.PostAsync($"{Page}?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["type"] = FindingTypes.Upkeep, ["text"] = "社区自己改的", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Null(await StoredAsync(FindingTypes.Upkeep));
    }
}
