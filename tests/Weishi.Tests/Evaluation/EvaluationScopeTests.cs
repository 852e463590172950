using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Evaluation;

namespace Weishi.Tests.Evaluation;

/// <summary>An evaluation says which regions it covers, so the district's list tells community evaluations apart.</summary>
[Collection(DemoCollection.Name)]
public class EvaluationScopeTests(DemoApp app)
{
    internal static async Task<int> CreateAsync(WeishiAppFactory factory, Browser browser, string kind, string? regionCode)
    {
        var tree = await Fixtures.QueryAsync(factory, db => db.Set<IndicatorTree>().Where(t => t.Kind == TreeKind.Programme).OrderBy(t => t.Version).Select(t => t.Id).FirstAsync());
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = $"范围显示测试 {Guid.NewGuid():N}", ["Input.TreeId"] = $"{tree}",
            ["Input.FromYear"] = "2022", ["Input.ToYear"] = "2022", ["Input.ScopeKind"] = kind,
        };
        if (regionCode is not null) fields["Input.RegionIds"] = $"{await TestData.RegionIdAsync(factory, regionCode)}";
        var response = await browser.SubmitAsync("/Evaluation/Create", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await browser.ReadAsync(response)).QuerySelector("[data-testid=errors]")?.TextContent);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_list_and_the_evaluation_name_the_community_subdistrict_or_district_covered()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var liuLian = await CreateAsync(app.Factory, finance, "Community", "440310001001");
        var shaHu = await CreateAsync(app.Factory, finance, "Community", "440310003003");
        var pingShan = await CreateAsync(app.Factory, finance, "Subdistrict", "440310001");
        var district = await CreateAsync(app.Factory, finance, "District", null);

        var (_, list) = await finance.GetAsync("/Evaluation");
        string Scope(int id) => list.QuerySelector($"[data-testid=evaluations] tr[data-id='{id}'] [data-testid=scope]")!.TextContent.Trim();
        Assert.Equal("六联社区", Scope(liuLian));
        Assert.Equal("沙湖社区", Scope(shaHu));
        Assert.Equal("坪山街道", Scope(pingShan));
        Assert.Equal("全区", Scope(district));

        var (_, detail) = await finance.GetAsync($"/Evaluation/Detail/{liuLian}");
        Assert.Equal("范围：六联社区", detail.QuerySelector("[data-testid=scope]")!.TextContent.Trim());
    }
}
