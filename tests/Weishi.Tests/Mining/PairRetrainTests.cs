using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Mining;
using Weishi.Web.Infrastructure.Cli;
using Weishi.Web.Infrastructure.Jobs;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>
/// A retrained duplicate model is used by every later mining run, which would change the duplicate groups other
/// tests expect: these tests get their own demo database.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PairModelCollection : ICollectionFixture<DemoApp>
{
    public const string Name = "pair-model";
}

[Collection(PairModelCollection.Name)]
public class PairRetrainTests(DemoApp app)
{
    // The shipped model links these two lanes' requests (in its paraphrase stage); the staff keep them apart. And it
    // misses that the two questions are one. Staff decide each on ten pairs of needs worded slightly differently.
    private static readonly (string A, string B) TwoLanes = ("江岭村二巷夜晚冇灯，行路好惊", "江岭村三巷一直没有路灯，希望新装几盏");
    private static readonly (string A, string B) OneQuestion = ("公租房申请条件？", "想问下坪山公租房怎么申请，要什么条件");
    private static readonly string[] Tails = ["。", "！", "，谢谢", "，麻烦了", "，急", "。。", "！！", "，拜托", "，盼复", "？"];

    private Task<(int Code, string Out, string Err)> CliAsync(params string[] args) => CliRunner.RunAsync(app.Factory, args);

    [Fact]
    public async Task Staff_decisions_retrain_the_duplicate_model_and_later_runs_use_it()
    {
        // Nothing judged yet: refused in Chinese, no version.
        var (code, _, err) = await CliAsync("retrain", "duplicates");
        Assert.Equal(1, code);
        Assert.Contains("还没有工作人员", err);
        Assert.Equal(0, await QueryAsync(app.Factory, db => db.PairModelVersions.CountAsync()));

        // The shipped model takes the two lanes for one need.
        const int year = 2181;
        var freshIds = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year, TwoLanes.A, TwoLanes.B);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var before = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        Assert.Null(before.PairModelVersionId);
        Assert.NotNull(before.Items.Single(i => i.DemandId == freshIds[0]).DuplicateGroup);
        Assert.Equal(before.Items.Single(i => i.DemandId == freshIds[0]).DuplicateGroup, before.Items.Single(i => i.DemandId == freshIds[1]).DuplicateGroup);

        // Staff judged twenty pairs: ten of the lanes (two needs each) and ten of the question (one need each).
        const int judged = 2182;
        var texts = Tails.SelectMany(t => new[] { TwoLanes.A + t, TwoLanes.B + t, OneQuestion.A + t, OneQuestion.B + t }).ToArray();
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, judged, texts);
        await QueryAsync(app.Factory, async db =>
        {
            var needs = await db.Demands.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync();
            for (var k = 0; k < needs.Count; k += 4)
            {
                db.DuplicateDecisions.Add(DuplicateDecision.Between(needs[k], needs[k + 1], false, null, null, "测试", DateTime.UtcNow));
                db.DuplicateDecisions.Add(DuplicateDecision.Between(needs[k + 2], needs[k + 3], true, null, null, "测试", DateTime.UtcNow));
            }
            return await db.SaveChangesAsync();
        });

        // Community staff may not retrain; the district administrator's button runs it as a job.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Mining/Retrain")).Status);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, models) = await district.GetAsync("/Mining/Retrain");
        Assert.Equal("10", models.QuerySelector("[data-testid=duplicate-pairs]")!.TextContent);
        Assert.Equal("10", models.QuerySelector("[data-testid=not-duplicate-pairs]")!.TextContent);
        var post = await district.SubmitAsync("/Mining/Retrain", [], "/Mining/Retrain?handler=Duplicates");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var job = await DemandHelpers.WaitForJobAsync(app.Factory, int.Parse(post.Headers.Location!.ToString()["/Jobs/Detail/".Length..], CultureInfo.InvariantCulture));
        Assert.True(job.Status == JobStatus.Succeeded, job.Message);
        Assert.Contains("重新训练重复识别模型", job.Message);
        var version = await QueryAsync(app.Factory, db => db.PairModelVersions.AsNoTracking().SingleAsync());
        Assert.Equal((16, 8, 4), (version.DecisionsUsed, version.DuplicatesUsed, version.HeldOut));
        Assert.NotNull(version.AgreementBefore);
        Assert.True(version.AgreementAfter > version.AgreementBefore, $"after {version.AgreementAfter} before {version.AgreementBefore}");
        (_, models) = await district.GetAsync("/Mining/Retrain");
        Assert.Contains("16", models.QuerySelector("[data-testid=pair-versions]")!.TextContent);

        // The next run uses it: the two lanes are now two needs.
        var after = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        Assert.Equal(version.Id, after.PairModelVersionId);
        var groups = after.Items.Where(i => freshIds.Contains(i.DemandId)).Select(i => i.DuplicateGroup).ToList();
        Assert.True(groups[0] is null || groups[0] != groups[1], "the retrained model keeps the two lanes apart");
        var (_, page) = await staff.GetAsync($"/Mining?run={after.Id}");
        Assert.Contains($"重复识别模型：重新训练版本 {version.Id}", page.Body!.TextContent);

        // The administrator takes the version out of use (audited): later runs use the shipped model again.
        (_, models) = await district.GetAsync("/Mining/Retrain");
        var use = models.QuerySelector($"[data-testid=version-use][data-model=duplicates][data-version='{version.Id}']")!;
        Assert.Contains("使用中", use.TextContent);
        var retire = await district.SubmitAsync("/Mining/Retrain", new()
        {
            ["model"] = "duplicates", ["version"] = version.Id.ToString(CultureInfo.InvariantCulture), ["retire"] = "true",
        }, "/Mining/Retrain?handler=Retire");
        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);
        (_, models) = await district.GetAsync("/Mining/Retrain");
        Assert.Contains("已停用", models.QuerySelector($"[data-testid=version-use][data-model=duplicates][data-version='{version.Id}']")!.TextContent);
        Assert.True(await QueryAsync(app.Factory, db => db.AuditEntries.AnyAsync(e =>
            e.Entity == nameof(PairModelVersion) && e.EntityId == version.Id.ToString(CultureInfo.InvariantCulture) && e.After!.Contains("true"))));
        var retired = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        Assert.Null(retired.PairModelVersionId);
        Assert.Equal(retired.Items.Single(i => i.DemandId == freshIds[0]).DuplicateGroup, retired.Items.Single(i => i.DemandId == freshIds[1]).DuplicateGroup);
        // Put back, it is used again; a newer version trained on other pair features (from before an upgrade) is passed
        // over rather than failing the run, and shown out of use.
        var restore = await district.SubmitAsync("/Mining/Retrain", new()
        {
            ["model"] = "duplicates", ["version"] = version.Id.ToString(CultureInfo.InvariantCulture), ["retire"] = "false",
        }, "/Mining/Retrain?handler=Retire");
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var stale = await QueryAsync(app.Factory, async db =>
        {
            var old = new PairModelVersion
            {
                CreatedAtUtc = DateTime.UtcNow, CreatedByName = "升级前", DecisionsUsed = 1,
                Model = System.Text.Encoding.UTF8.GetBytes("weishi-pair-model 1\nfeatures similarity overlap\ntree 1\n-1 0 0 0 0\n"),
            };
            db.PairModelVersions.Add(old);
            await db.SaveChangesAsync();
            return old.Id;
        });
        Assert.Equal(version.Id, (await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year)).PairModelVersionId);
        (_, models) = await district.GetAsync("/Mining/Retrain");
        Assert.Contains("使用中", models.QuerySelector($"[data-testid=version-use][data-model=duplicates][data-version='{version.Id}']")!.TextContent);
        Assert.Contains("未使用", models.QuerySelector($"[data-testid=version-use][data-model=duplicates][data-version='{stale}']")!.TextContent);

        // A version that does not exist: not found, nothing changed.
        var missing = await district.SubmitAsync("/Mining/Retrain", new() { ["model"] = "duplicates", ["version"] = "99999", ["retire"] = "true" },
            "/Mining/Retrain?handler=Retire");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Retrain_verb_takes_only_duplicates_as_argument()
    {
        var (code, _, err) = await CliAsync("retrain", "pairs");
        Assert.Equal(2, code);
        Assert.Contains("duplicates", err);
    }
}
