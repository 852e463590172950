using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Council;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Screening;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>Rows for issue 5's tests: projects with a council score, sessions, and helpers to read what was stored.</summary>
public static class Fixtures
{
    public const string LiuLian = "440310001001";   // 六联社区, 坪山街道 (cs-ll, sd-ps)
    public const string LiuHe = "440310001002";     // 六和社区, 坪山街道 (cs-lh)

    public static WeishiDbContext Db(IServiceScope scope) => scope.ServiceProvider.GetRequiredService<WeishiDbContext>();

    /// <summary>A project with one present deputy's council score sheet (so it may enter publicity).</summary>
    public static async Task<int> ScoredProjectAsync(WeishiAppFactory factory, string community, int year, long budgetFen,
        ProjectStatus status = ProjectStatus.SubdistrictReview, decimal score = 80)
    {
        var id = await TestData.CreateProjectAsync(factory, community, year, budgetFen, status);
        await ScoreAsync(factory, id, score);
        return id;
    }

    public static async Task ScoreAsync(WeishiAppFactory factory, int projectId, decimal score)
    {
        using var scope = factory.Services.CreateScope();
        var db = Db(scope);
        var project = await db.Projects.SingleAsync(p => p.Id == projectId);
        var rubrics = scope.ServiceProvider.GetRequiredService<RubricService>();
        if (await rubrics.CurrentAsync(project.Year) is null) await rubrics.PublishAsync(project.Year, RubricService.Default);
        var rubric = (await rubrics.CurrentAsync(project.Year))!;
        var session = new CouncilSession { RegionId = project.RegionId, Year = project.Year, HeldOn = new DateOnly(project.Year - 1, 11, 1), Place = "社区党群服务中心", Quorum = 1, RubricId = rubric.Id };
        var member = new CouncilMember { RegionId = project.RegionId, Name = "代表甲", IsDeputy = true, Present = true };
        session.Members.Add(member);
        db.CouncilSessions.Add(session);
        await db.SaveChangesAsync();
        db.CouncilScoreSheets.Add(new CouncilScoreSheet { SessionId = session.Id, RegionId = project.RegionId, MemberId = member.Id, ProjectId = projectId, Total = score });
        await db.SaveChangesAsync();
    }

    /// <summary>The district publishes the standard criteria as the year's rubric (through the screening page), unless it has one.</summary>
    public static async Task PublishRubricAsync(WeishiAppFactory factory, int year)
    {
        if (await QueryAsync(factory, db => db.Rubrics.AnyAsync(r => r.Year == year))) return;
        var district = await Browser.LoginAsync(factory, "district");
        var r = await district.SubmitAsync($"/Screening/Rubric?year={year}", RubricForm(RubricService.Default));
        if (r.StatusCode != HttpStatusCode.Redirect && !await QueryAsync(factory, db => db.Rubrics.AnyAsync(x => x.Year == year)))
            throw new InvalidOperationException($"could not publish the {year} rubric: {Errors(await district.ReadAsync(r))}");
    }

    public static Dictionary<string, string> RubricForm(IEnumerable<(string Name, int Weight, string Guide)> criteria)
    {
        var form = new Dictionary<string, string>();
        var k = 0;
        foreach (var (name, weight, guide) in criteria)
        {
            form[$"Criteria[{k}].Name"] = name;
            form[$"Criteria[{k}].Weight"] = weight.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"Criteria[{k}].Guide"] = guide;
            k++;
        }
        return form;
    }

    public static async Task<T> QueryAsync<T>(WeishiAppFactory factory, Func<WeishiDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(Db(scope));
    }

    public static async Task ExecAsync(WeishiAppFactory factory, Func<WeishiDbContext, Task> action)
    {
        using var scope = factory.Services.CreateScope();
        await action(Db(scope));
    }

    public static string Errors(IHtmlDocument doc) =>
        string.Join(" ", doc.QuerySelectorAll("[data-testid=errors],[data-testid=error]").Select(e => e.TextContent));

    /// <summary>Loads the page's antiforgery token once so that several posts can be sent at the same moment.</summary>
    public static async Task<string> TokenAsync(Browser browser, string pageUrl)
    {
        var (status, doc) = await browser.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, status);
        return doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }
}
