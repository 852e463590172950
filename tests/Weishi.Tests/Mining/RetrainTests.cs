using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Infrastructure.Cli;
using Weishi.Web.Infrastructure.Jobs;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

[Collection(DemoCollection.Name)]
public class RetrainTests(DemoApp app)
{
    // A need the shipped model has never seen; staff teach it a category it would not choose.
    private static readonly string[] Taught =
    [
        "希望社区组织腰旗橄榄球飞盘体验", "腰旗橄榄球飞盘场地希望社区协调", "想在社区学腰旗橄榄球和飞盘",
        "社区能否成立腰旗橄榄球飞盘队", "腰旗橄榄球飞盘需要教练指导", "希望有人带大家玩腰旗橄榄球飞盘",
        "腰旗橄榄球飞盘活动请社区支持", "青少年想参加腰旗橄榄球飞盘", "腰旗橄榄球飞盘装备希望社区提供",
        "周末腰旗橄榄球飞盘希望有场地",
    ];

    private Task<(int Code, string Out, string Err)> CliAsync(params string[] args) => CliRunner.RunAsync(app.Factory, args);

    [Fact]
    public async Task Staff_corrections_are_stored_and_retraining_changes_later_classification()
    {
        const int year = 2161;
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, year, Taught);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var run = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, year);
        var predicted = run.Items.GroupBy(i => i.Category).OrderByDescending(g => g.Count()).First().Key;
        var taught = predicted == Categories.Health ? Categories.Safety : Categories.Health;

        // Bad input first: an unknown category or another community's need stores nothing.
        var bad = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["demand"] = ids[0].ToString(CultureInfo.InvariantCulture), ["category"] = "nonsense" },
            $"/Mining?handler=Correct&run={run.Id}");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var other = await Browser.LoginAsync(app.Factory, "cs-lh");
        await other.SubmitAsync("/Mining", new() { ["demand"] = ids[0].ToString(CultureInfo.InvariantCulture), ["category"] = taught }, "/Mining?handler=Correct");
        Assert.False(await QueryAsync(app.Factory, db => db.CategoryCorrections.AnyAsync(c => c.DemandId == ids[0])));

        foreach (var id in ids)
        {
            var response = await staff.SubmitAsync($"/Mining?run={run.Id}", new() { ["demand"] = id.ToString(CultureInfo.InvariantCulture), ["category"] = taught },
                $"/Mining?handler=Correct&run={run.Id}");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var stored = await QueryAsync(app.Factory, db => db.CategoryCorrections.AsNoTracking().Where(c => ids.Contains(c.DemandId)).ToListAsync());
        Assert.Equal(ids.Order(), stored.Select(c => c.DemandId).Order());
        Assert.All(stored, c => Assert.Equal(taught, c.Category));
        Assert.All(stored, c => Assert.Equal(predicted == c.SuggestedCategory ? predicted : c.SuggestedCategory, c.SuggestedCategory));
        var (_, page) = await staff.GetAsync($"/Mining?run={run.Id}");
        Assert.Contains("已更正", page.QuerySelector($"[data-testid=review-row][data-demand='{ids[0]}']")!.TextContent);

        // Community staff may not retrain; the district administrator's button runs it as a job.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/Mining/Retrain")).Status);
        var district = await Browser.LoginAsync(app.Factory, "district");
        var post = await district.SubmitAsync("/Mining/Retrain", []);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var jobId = int.Parse(post.Headers.Location!.ToString()["/Jobs/Detail/".Length..], CultureInfo.InvariantCulture);
        var job = await DemandHelpers.WaitForJobAsync(app.Factory, jobId);
        Assert.True(job.Status == JobStatus.Succeeded, job.Message);
        Assert.Contains("人工更正", job.Message);
        var version = await QueryAsync(app.Factory, db => db.ClassifierVersions.AsNoTracking().OrderByDescending(v => v.Id).FirstAsync());
        Assert.True(version.CorrectionsUsed >= 8);
        Assert.True(version.HeldOut >= 2);
        Assert.NotNull(version.AccuracyBefore);
        Assert.True(version.AccuracyAfter > version.AccuracyBefore, $"after {version.AccuracyAfter} before {version.AccuracyBefore}");
        var (_, models) = await district.GetAsync("/Mining/Retrain");
        Assert.Contains(version.CorrectionsUsed.ToString(CultureInfo.InvariantCulture), models.QuerySelector("[data-testid=versions]")!.TextContent);

        // A later run uses the retrained model.
        const int later = 2162;
        var fresh = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, later, "社区可以办腰旗橄榄球飞盘比赛吗");
        var next = await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, later);
        Assert.Equal(version.Id, next.ClassifierVersionId);
        Assert.Equal(taught, next.Items.Single(i => i.DemandId == fresh[0]).Category);

        // Retired by the administrator, the version is no longer used.
        var retire = await district.SubmitAsync("/Mining/Retrain", new()
        {
            ["model"] = "classifier", ["version"] = version.Id.ToString(CultureInfo.InvariantCulture), ["retire"] = "true",
        }, "/Mining/Retrain?handler=Retire");
        Assert.Equal(HttpStatusCode.Redirect, retire.StatusCode);
        Assert.NotEqual(version.Id, (await RunAsync(app.Factory, staff, DemandHelpers.LiuLian, later)).ClassifierVersionId);
    }

    [Fact]
    public async Task Retrain_verb_reports_figures_and_refuses_arguments_with_exit_code_2()
    {
        var (code, _, err) = await CliAsync("retrain", "--model", "x");
        Assert.Equal(2, code);
        Assert.Contains("参数错误", err);

        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuHe, 2163, "希望社区增设母婴室方便哺乳");
        var versionsBefore = await QueryAsync(app.Factory, db => db.ClassifierVersions.CountAsync());
        await QueryAsync(app.Factory, async db =>
        {
            var d = await db.Demands.SingleAsync(x => x.Id == ids[0]);
            db.CategoryCorrections.Add(new Weishi.Web.Features.Mining.CategoryCorrection
            {
                DemandId = d.Id, RegionId = d.RegionId, Text = d.Text, SuggestedCategory = Categories.Convenience, Category = Categories.Health,
                CorrectedByName = "测试", CorrectedAtUtc = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        (code, var stdout, err) = await CliAsync("retrain");

        Assert.True(code == 0, err);
        Assert.Contains("人工更正重新训练", stdout);
        Assert.Equal(versionsBefore + 1, await QueryAsync(app.Factory, db => db.ClassifierVersions.CountAsync()));
    }
}
