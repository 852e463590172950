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
    // Places of the district: staff of each say "the fitness equipment is broken" and "there is too little of it" are
    // two needs, although the words are nearly the same.
    private static readonly string[] Places =
    [
        "六联社区文化广场", "六和社区公园", "碧岭社区休闲广场", "汤坑社区公园", "沙湖社区广场", "马峦社区公园", "江岭社区广场",
        "沙坐社区公园", "坑梓社区广场", "秀新社区公园", "金沙社区广场", "龙田社区公园", "老坑社区广场", "南布社区公园",
        "竹坑社区广场", "田心社区公园", "石井社区广场", "田头社区公园", "六联社区体育公园", "和平社区广场",
    ];

    private static (string Broken, string TooFew) Pair(string place) =>
        ($"{place}的健身器材坏了好几件，希望尽快维修", $"{place}的健身器材太少了，希望再增加几件");

    private async Task<(int Code, string Out, string Err)> CliAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try { return (await CliCommands.RunAsync(app.Factory.Services, args), stdout.ToString(), stderr.ToString()); }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public async Task Staff_decisions_retrain_the_duplicate_model_and_later_runs_use_it()
    {
        // Nothing judged yet: refused in Chinese, no version.
        var (code, _, err) = await CliAsync("retrain", "duplicates");
        Assert.Equal(1, code);
        Assert.Contains("还没有工作人员", err);
        Assert.Equal(0, await QueryAsync(app.Factory, db => db.PairModelVersions.CountAsync()));

        // The shipped model takes a fresh pair of this kind for one need.
        const int year = 2181;
        var fresh = Pair("六联社区口袋公园");
        var freshIds = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year, fresh.Broken, fresh.TooFew);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var before = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        Assert.Null(before.PairModelVersionId);
        Assert.NotNull(before.Items.Single(i => i.DemandId == freshIds[0]).DuplicateGroup);
        Assert.Equal(before.Items.Single(i => i.DemandId == freshIds[0]).DuplicateGroup, before.Items.Single(i => i.DemandId == freshIds[1]).DuplicateGroup);

        // Staff judged twenty such pairs elsewhere as two needs each, and merged twenty true re-wordings.
        const int judged = 2182;
        var texts = Places.SelectMany(p => new[] { Pair(p).Broken, Pair(p).TooFew, Pair(p).Broken.Replace("好几件", "很多件", StringComparison.Ordinal) }).ToArray();
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, judged, texts);
        await QueryAsync(app.Factory, async db =>
        {
            var needs = await db.Demands.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync();
            for (var k = 0; k < needs.Count; k += 3)
            {
                db.DuplicateDecisions.Add(DuplicateDecision.Between(needs[k], needs[k + 1], false, null, null, "测试", DateTime.UtcNow));
                db.DuplicateDecisions.Add(DuplicateDecision.Between(needs[k], needs[k + 2], true, null, null, "测试", DateTime.UtcNow));
            }
            return await db.SaveChangesAsync();
        });

        // Community staff may not retrain; the district administrator's button runs it as a job.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Mining/Retrain")).Status);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, models) = await district.GetAsync("/Mining/Retrain");
        Assert.Equal("20", models.QuerySelector("[data-testid=duplicate-pairs]")!.TextContent);
        Assert.Equal("20", models.QuerySelector("[data-testid=not-duplicate-pairs]")!.TextContent);
        var post = await district.SubmitAsync("/Mining/Retrain", [], "/Mining/Retrain?handler=Duplicates");
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var job = await DemandHelpers.WaitForJobAsync(app.Factory, int.Parse(post.Headers.Location!.ToString()["/Jobs/Detail/".Length..], CultureInfo.InvariantCulture));
        Assert.True(job.Status == JobStatus.Succeeded, job.Message);
        Assert.Contains("重新训练重复识别模型", job.Message);
        var version = await QueryAsync(app.Factory, db => db.PairModelVersions.AsNoTracking().SingleAsync());
        Assert.Equal((32, 16, 8), (version.DecisionsUsed, version.DuplicatesUsed, version.HeldOut));
        Assert.NotNull(version.AgreementBefore);
        Assert.True(version.AgreementAfter > version.AgreementBefore, $"after {version.AgreementAfter} before {version.AgreementBefore}");
        (_, models) = await district.GetAsync("/Mining/Retrain");
        Assert.Contains("32", models.QuerySelector("[data-testid=pair-versions]")!.TextContent);

        // The next run uses it: the fresh pair is now two needs.
        var after = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        Assert.Equal(version.Id, after.PairModelVersionId);
        var groups = after.Items.Where(i => freshIds.Contains(i.DemandId)).Select(i => i.DuplicateGroup).ToList();
        Assert.True(groups[0] is null || groups[0] != groups[1], "the retrained model keeps the broken and the too-few equipment apart");
        var (_, page) = await staff.GetAsync($"/Mining?run={after.Id}");
        Assert.Contains($"重复识别模型：重新训练版本 {version.Id}", page.Body!.TextContent);
    }

    [Fact]
    public async Task Retrain_verb_takes_only_duplicates_as_argument()
    {
        var (code, _, err) = await CliAsync("retrain", "pairs");
        Assert.Equal(2, code);
        Assert.Contains("duplicates", err);
    }
}
