using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Maintenance;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Files;
using Xunit;

namespace Weishi.Tests.ValueForMoney;

[Collection(DemoCollection.Name)]
public class ValueForMoneyTests(DemoApp app)
{
    private const string Pw = Weishi.Web.Features.Demo.DemoAccounts.Password;

    /// <summary>A proposal for the demo's 长者智能手机培训班 costing far more per beneficiary than other communities'.</summary>
    private async Task<int> CostlyProposalAsync(int year, int beneficiaries)
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, year, 100_000_000_00);
        var id = await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 900_000_00);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == id);
            p.Name = "六联长者智能手机培训班";
            p.PlannedBeneficiaries = beneficiaries;
            (await db.BudgetLines.SingleAsync(l => l.ProjectId == id)).Item = "专业服务人员费";
            await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task Reviewer_sees_the_flag_and_similar_projects_and_must_give_a_reason_to_approve()
    {
        var id = await CostlyProposalAsync(2090, 20);
        var sd = await Browser.LoginAsync(app.Factory, "sd-ps", Pw);
        var (_, page) = await sd.GetAsync($"/Projects/Detail/{id}");
        Assert.True(page.QuerySelector("[data-testid=cost-flag]") is not null, page.QuerySelector("[data-testid=cost-benchmark]")?.TextContent);
        var similar = page.QuerySelectorAll("[data-testid=similar-projects] tbody tr");
        Assert.NotEmpty(similar);
        Assert.All(similar, r => Assert.Contains("长者智能手机培训班", r.TextContent));
        Assert.Contains("专业服务人员费", page.QuerySelector("[data-testid=cost-drivers]")?.TextContent ?? "");

        var refused = await sd.ReadAsync(await sd.SubmitAsync($"/Projects/Detail/{id}", new() { ["to"] = "Publicity" }, $"/Projects/Detail/{id}?handler=Move"));
        Assert.Contains("明显偏高", Fixtures.Errors(refused));
        Assert.Equal(ProjectStatus.SubdistrictReview, await TestData.StatusAsync(app.Factory, id));

        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        await cs.SubmitAsync($"/Projects/Detail/{id}", new() { ["reason"] = "社区自己写的理由" }, $"/CostBenchmarking/Project/{id}?handler=Reason");
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.CostApprovalReasons.AnyAsync(r => r.ProjectId == id)));

        var empty = await sd.ReadAsync(await sd.SubmitAsync($"/CostBenchmarking/Project/{id}", new() { ["reason"] = "  " }, $"/CostBenchmarking/Project/{id}?handler=Reason"));
        Assert.Contains("请填写同意该成本的理由", Fixtures.Errors(empty));
        await sd.SubmitAsync($"/CostBenchmarking/Project/{id}", new() { ["reason"] = "需上门教学，场地分散" }, $"/CostBenchmarking/Project/{id}?handler=Reason");
        await sd.SubmitAsync($"/Projects/Detail/{id}", new() { ["to"] = "Publicity" }, $"/Projects/Detail/{id}?handler=Move");
        Assert.Equal(ProjectStatus.Publicity, await TestData.StatusAsync(app.Factory, id));
    }

    [Fact]
    public async Task Zero_beneficiaries_show_not_computable_on_the_project_page()
    {
        var id = await CostlyProposalAsync(2091, 0);
        var sd = await Browser.LoginAsync(app.Factory, "sd-ps", Pw);
        var (status, page) = await sd.GetAsync($"/Projects/Detail/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("不可计算", page.QuerySelector("[data-testid=unit-cost]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("[data-testid=cost-flag]"));
    }

    [Fact]
    public async Task Rejected_matches_are_stored_and_not_suggested_again()
    {
        var id = await CostlyProposalAsync(2092, 20);
        var sd = await Browser.LoginAsync(app.Factory, "sd-ps", Pw);
        var (_, page) = await sd.GetAsync($"/Projects/Detail/{id}");
        var first = page.QuerySelector("[data-testid=similar-projects] input[name=similarId]")!.GetAttribute("value")!;
        await sd.SubmitAsync($"/CostBenchmarking/Project/{id}", new() { ["similarId"] = first, ["confirmed"] = "false" }, $"/CostBenchmarking/Project/{id}?handler=Match");
        Assert.True(await Fixtures.QueryAsync(app.Factory, db => db.SimilarMatches.AnyAsync(m => m.ProjectId == id && m.SimilarProjectId == int.Parse(first) && !m.Confirmed)));
        var (_, again) = await sd.GetAsync($"/Projects/Detail/{id}");
        Assert.DoesNotContain(again.QuerySelectorAll("[data-testid=similar-projects] input[name=similarId]"), i => i.GetAttribute("value") == first);
    }

    [Fact]
    public async Task District_view_shows_spread_and_savings_and_the_demo_has_spread()
    {
        var district = await Browser.LoginAsync(app.Factory, "district", Pw);
        var (status, page) = await district.GetAsync("/CostBenchmarking");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotNull(page.QuerySelector("#cost-box"));
        var rows = page.QuerySelectorAll("[data-testid=cost-spread] tbody tr");
        Assert.Contains(rows, r => r.TextContent.Contains("长者智能手机培训班"));
        Assert.Contains(rows, r => r.TextContent.Contains("小区路灯维修"));
        Assert.NotEqual("0.00", page.QuerySelector("[data-testid=total-saving]")!.TextContent.Trim());
        // The total says how it is counted, since the findings and the report count 可节约 for the outliers only.
        Assert.Contains("口径不同", page.QuerySelector("[data-testid=saving-basis]")!.TextContent);
        // Amounts (all but the project count) read like money: thousands separators and two decimals (not 147750.0).
        foreach (var cell in rows.SelectMany(r => r.QuerySelectorAll("td.num").Skip(1)).Select(c => c.TextContent.Trim()).Where(t => t.Length > 0))
            Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d{2}( 元/\S+)?(–\d{1,3}(,\d{3})*\.\d{2})?$", cell);
    }

    [Fact]
    public async Task Norm_override_rejects_negative_values_and_only_the_district_admin_may_override()
    {
        var district = await Browser.LoginAsync(app.Factory, "district", Pw);
        var normId = await Fixtures.QueryAsync(app.Factory, db => db.CostNorms.Where(n => n.Year == 0 && n.Count >= 3).Select(n => n.Id).FirstAsync());
        var bad = await district.ReadAsync(await district.SubmitAsync("/CostBenchmarking", new() { ["normId"] = normId.ToString(), ["median"] = "-5" }, "/CostBenchmarking?handler=Override"));
        Assert.Contains("金额不能为负数", Fixtures.Errors(bad));
        Assert.Null(await Fixtures.QueryAsync(app.Factory, db => db.CostNorms.Where(n => n.Id == normId).Select(n => n.OverrideMedianFen).SingleAsync()));
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        var refused = await cs.SubmitAsync("/CostBenchmarking", new() { ["normId"] = normId.ToString(), ["median"] = "5" }, "/CostBenchmarking?handler=Override");
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Null(await Fixtures.QueryAsync(app.Factory, db => db.CostNorms.Where(n => n.Id == normId).Select(n => n.OverrideMedianFen).SingleAsync()));
    }

    [Fact]
    public async Task A_norm_note_over_200_characters_is_refused_and_one_of_200_is_kept_whole()
    {
        var district = await Browser.LoginAsync(app.Factory, "district", Pw);
        var normId = await Fixtures.QueryAsync(app.Factory, db => db.CostNorms.Where(n => n.Year == 0 && n.Count >= 3).OrderByDescending(n => n.Id).Select(n => n.Id).FirstAsync());
        var bad = await district.ReadAsync(await district.SubmitAsync("/CostBenchmarking", new() { ["normId"] = normId.ToString(), ["median"] = "", ["note"] = new string('说', 201) }, "/CostBenchmarking?handler=Override"));
        Assert.Contains("说明不超过 200 字", Fixtures.Errors(bad));
        Assert.Null(await Fixtures.QueryAsync(app.Factory, db => db.CostNorms.Where(n => n.Id == normId).Select(n => n.OverrideNote).SingleAsync()));

        var kept = await district.SubmitAsync("/CostBenchmarking", new() { ["normId"] = normId.ToString(), ["median"] = "", ["note"] = new string('说', 200) }, "/CostBenchmarking?handler=Override");
        Assert.Equal(HttpStatusCode.Redirect, kept.StatusCode);
        Assert.Equal(new string('说', 200), await Fixtures.QueryAsync(app.Factory, db => db.CostNorms.Where(n => n.Id == normId).Select(n => n.OverrideNote).SingleAsync()));
    }

    [Fact]
    public async Task Accepting_a_works_project_creates_its_asset()
    {
        var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2093, 50_000_00, ProjectStatus.Completed);
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Id == id);
            p.Type = ProjectType.Works;
            p.Name = "六联小区路灯维修";
            await db.SaveChangesAsync();
        });
        var sd = await Browser.LoginAsync(app.Factory, "sd-ps", Pw);
        var today = Weishi.Web.Infrastructure.Web.ChinaDate.Today(app.Factory.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await sd.SubmitAsync($"/Acceptance/Record/{id}", new() { ["AcceptedOn"] = today, ["Committee"] = "街道、社区、居民代表", ["Result"] = "Passed" });
        Assert.Equal(ProjectStatus.Accepted, await TestData.StatusAsync(app.Factory, id));
        var asset = await Fixtures.QueryAsync(app.Factory, db => db.Assets.SingleAsync(a => a.ProjectId == id));
        Assert.Equal((AssetKind.Lighting, 50_000_00L, UpkeepBody.None), (asset.Kind, asset.ValueFen, asset.UpkeepBody));
    }

    private async Task<int> AssetAsync(string community, string name, UpkeepBody body, long reserveFen, int yearsAgo)
    {
        var regionId = await TestData.RegionIdAsync(app.Factory, community);
        return await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var a = new Asset
            {
                RegionId = regionId, Name = name, Kind = AssetKind.Lighting, UpkeepBody = body, UpkeepBodyName = body == UpkeepBody.None ? null : "物业",
                YearlyReserveFen = reserveFen, CompletedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-yearsAgo), ExpectedLifeYears = 8,
            };
            db.Assets.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
    }

    [Fact]
    public async Task Overdue_and_ownerless_assets_are_flagged_on_the_home_page_and_scoped()
    {
        var name = "测试路灯" + Guid.NewGuid().ToString("N")[..6];
        await AssetAsync(Fixtures.LiuLian, name, UpkeepBody.None, 0, 2);
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        var (_, home) = await cs.GetAsync("/Home/Workbench");
        Assert.NotNull(home.QuerySelector("[data-testid=upkeep-flags]"));
        var (_, register) = await cs.GetAsync("/Maintenance?flaggedOnly=true");
        var row = register.QuerySelectorAll("[data-testid=asset-register] tbody tr").Single(r => r.TextContent.Contains(name));
        Assert.Contains("巡查逾期", row.TextContent);
        Assert.Contains("无管养主体", row.TextContent);
        Assert.Contains("无管养资金", row.TextContent);

        var other = await Browser.LoginAsync(app.Factory, "cs-lh", Pw);
        var (_, theirs) = await other.GetAsync("/Maintenance");
        Assert.DoesNotContain(name, theirs.Body!.TextContent);
    }

    [Fact]
    public async Task A_recent_asset_with_owner_and_money_is_not_flagged()
    {
        var name = "测试路灯" + Guid.NewGuid().ToString("N")[..6];
        await AssetAsync(Fixtures.LiuLian, name, UpkeepBody.PropertyCompany, 100_00, 0);
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        var (_, register) = await cs.GetAsync("/Maintenance");
        var row = register.QuerySelectorAll("[data-testid=asset-register] tbody tr").Single(r => r.TextContent.Contains(name));
        Assert.Empty(row.QuerySelectorAll(".badge"));
    }

    [Fact]
    public async Task Bad_upkeep_input_and_non_image_photos_are_refused_and_nothing_is_saved()
    {
        var id = await AssetAsync(Fixtures.LiuLian, "测试设施" + Guid.NewGuid().ToString("N")[..6], UpkeepBody.None, 0, 0);
        var cs = await Browser.LoginAsync(app.Factory, "cs-ll", Pw);
        var bad = await cs.ReadAsync(await cs.SubmitAsync($"/Maintenance/Asset/{id}",
            new() { ["body"] = "Community", ["bodyName"] = "六联社区工作站", ["reserve"] = "-100" }, $"/Maintenance/Asset/{id}?handler=Upkeep"));
        Assert.Contains("金额不能为负数", Fixtures.Errors(bad));
        Assert.Equal(UpkeepBody.None, await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => a.Id == id).Select(a => a.UpkeepBody).SingleAsync()));

        var token = await Fixtures.TokenAsync(cs, $"/Maintenance/Asset/{id}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Inspection"), "kind" },
            { new StringContent(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd")), "on" },
            { new ByteArrayContent("not an image"u8.ToArray()), "photos", "photo.jpg" },
        };
        var response = await cs.Client.PostAsync($"/Maintenance/Asset/{id}?handler=Record", form);
        Assert.Contains("“photo.jpg”：上传的文件不是图片（只接受 JPG、PNG、GIF、WebP 照片）", Fixtures.Errors(await cs.ReadAsync(response)));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.AssetRecords.AnyAsync(r => r.AssetId == id)));
    }

    [Fact]
    public void Photo_check_accepts_images_by_content_with_the_rules_of_every_photo_upload()
    {
        Assert.Equal("image/png", PhotoCheck.ImageType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        Assert.Null(PhotoCheck.ImageType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A])); // the whole PNG signature, not its first bytes
        Assert.Equal("image/jpeg", PhotoCheck.ImageType([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/gif", PhotoCheck.ImageType("GIF89a"u8)); // as for activity and progress photos
        Assert.Null(PhotoCheck.ImageType("<svg onload=alert(1)>"u8));
        Assert.Equal(ImageCheck.MaxBytes, PhotoCheck.MaxBytes);
    }

    [Fact]
    public async Task Demo_assets_exist_for_accepted_works_and_some_lack_an_upkeep_body()
    {
        var (works, assets, ownerless) = await Fixtures.QueryAsync(app.Factory, async db => (
            await db.Projects.CountAsync(p => p.Year <= 2023 && p.Type == ProjectType.Works && p.Status == ProjectStatus.Accepted),
            await db.Assets.CountAsync(a => a.Project!.Year <= 2023),
            await db.Assets.CountAsync(a => a.Project!.Year <= 2023 && a.UpkeepBody == UpkeepBody.None)));
        Assert.Equal(works, assets);
        Assert.InRange(ownerless, 1, assets - 1);
    }
}

[Collection(DemoCollection.Name)]
public class ValueForMoneyScopeTests(DemoApp app)
{
    private const string Pw = Weishi.Web.Features.Demo.DemoAccounts.Password;

    [Fact]
    public async Task Another_community_can_neither_record_a_reason_nor_open_an_asset_outside_its_scope()
    {
        var id = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2094, 10_000_00);
        var lh = await Browser.LoginAsync(app.Factory, "cs-lh", Pw);
        var ownPage = $"/Proposals/Create?year=2094";
        var token = await Fixtures.TokenAsync(lh, ownPage);
        var response = await lh.Client.PostAsync($"/CostBenchmarking/Project/{id}?handler=Reason",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["reason"] = "越权" }));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.CostApprovalReasons.AnyAsync(r => r.ProjectId == id)));

        var assetId = await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => a.Region!.Code == Fixtures.LiuLian).Select(a => a.Id).FirstAsync());
        var (status, _) = await lh.GetAsync($"/Maintenance/Asset/{assetId}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
