using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Council;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.ProposalToApproval;

[Collection(DemoCollection.Name)]
public class CouncilAndRubricTests(DemoApp app)
{
    private static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    private async Task<int> SessionAsync(Browser staff, int year, string members, int quorum)
    {
        await Fixtures.PublishRubricAsync(app.Factory, year);
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var r = await staff.SubmitAsync("/Council", new()
        {
            ["regionId"] = S(regionId), ["year"] = S(year), ["heldOn"] = $"{year - 1}-12-01", ["place"] = "六联社区党群服务中心",
            ["quorum"] = S(quorum), ["members"] = members,
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        return int.Parse(r.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    private async Task<HttpResponseMessage> ScoreAsync(Browser staff, int session, int member, int project, int points, string comment = "")
    {
        var criteria = await Fixtures.QueryAsync(app.Factory, db => db.CouncilSessions.Where(s => s.Id == session)
            .SelectMany(s => s.Rubric!.Criteria).Select(c => c.Id).ToListAsync());
        var form = new Dictionary<string, string> { ["memberId"] = S(member), ["projectId"] = S(project), ["comment"] = comment };
        foreach (var c in criteria) form[$"points[{c}]"] = S(points);
        return await staff.SubmitAsync($"/Council/Session/{session}", form, postUrl: $"/Council/Session/{session}?handler=Score");
    }

    private Task<List<CouncilMember>> MembersAsync(int session) =>
        Fixtures.QueryAsync(app.Factory, db => db.CouncilMembers.Where(m => m.SessionId == session).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task Members_score_proposals_and_the_scores_rank_them()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var a = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2081, 5_0000_00, ProjectStatus.Submitted);
        var b = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2081, 5_0000_00, ProjectStatus.Submitted);
        var session = await SessionAsync(staff, 2081, "张三,代表\n李四\n王五", 2);
        var members = await MembersAsync(session);
        Assert.True(members[0].IsDeputy);

        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(staff, session, members[0].Id, a, 9, "群众呼声高")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(staff, session, members[1].Id, a, 7)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(staff, session, members[0].Id, b, 5)).StatusCode);
        // Scoring moves a submitted proposal into community review.
        Assert.Equal(ProjectStatus.CommunityReview, await TestData.StatusAsync(app.Factory, a));

        var (_, page) = await staff.GetAsync($"/Council/Session/{session}");
        var rows = page.QuerySelectorAll("[data-testid=ranking] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("80.00", rows[0]);   // (90 + 70) / 2
        Assert.Contains("50.00", rows[1]);
        var (_, record) = await staff.GetAsync($"/Council/Record/{session}");
        Assert.Contains("张三（人大代表）", record.QuerySelector("[data-testid=attendance]")!.TextContent);
        Assert.Contains("群众呼声高", record.Body!.TextContent);
    }

    [Theory]
    [InlineData("张三,代表\n张三\n张三", "成员姓名不能重复：张三")]
    [InlineData("李四,代表\n,代表", "成员姓名不能为空")]
    public async Task Members_named_twice_or_without_a_name_are_refused_and_nothing_is_saved(string members, string message)
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var place = "成员规则测试" + Guid.NewGuid().ToString("N")[..6];
        var r = await staff.SubmitAsync("/Council", new()
        {
            ["regionId"] = S(regionId), ["year"] = "2083", ["heldOn"] = "2082-12-01", ["place"] = place, ["quorum"] = "1", ["members"] = members,
        });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(message, Fixtures.Errors(await staff.ReadAsync(r)));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.CouncilSessions.AnyAsync(s => s.Place == place)));
    }

    [Fact]
    public async Task Without_quorum_or_a_deputy_present_nobody_can_score()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var p = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2082, 5_0000_00, ProjectStatus.Submitted);
        var noDeputy = await SessionAsync(staff, 2082, "甲\n乙", 1);
        var r = await ScoreAsync(staff, noDeputy, (await MembersAsync(noDeputy))[0].Id, p, 8);
        Assert.Contains("没有人大代表出席", Fixtures.Errors(await staff.ReadAsync(r)));

        var session = await SessionAsync(staff, 2082, "丙,代表\n丁\n戊", 3);
        var members = await MembersAsync(session);
        await staff.SubmitAsync($"/Council/Session/{session}", new() { ["present"] = S(members[0].Id) }, postUrl: $"/Council/Session/{session}?handler=Attendance");
        r = await ScoreAsync(staff, session, members[0].Id, p, 8);
        Assert.Contains("未达到法定人数", Fixtures.Errors(await staff.ReadAsync(r)));
        Assert.Equal(0, await Fixtures.QueryAsync(app.Factory, db => db.CouncilScoreSheets.CountAsync(s => s.ProjectId == p)));

        var outOfRange = await SessionAsync(staff, 2082, "己,代表", 1);
        r = await ScoreAsync(staff, outOfRange, (await MembersAsync(outOfRange))[0].Id, p, 11);
        Assert.Contains("0 到 10", Fixtures.Errors(await staff.ReadAsync(r)));
    }

    [Fact]
    public async Task The_rubric_is_versioned_and_a_score_keeps_its_version()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        await Fixtures.PublishRubricAsync(app.Factory, 2083);
        var (_, first) = await district.GetAsync("/Screening/Rubric?year=2083");
        Assert.Equal("1", first.QuerySelector("[data-testid=rubric-version]")!.TextContent);
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var p = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2083, 5_0000_00, ProjectStatus.Submitted);
        var session = await SessionAsync(staff, 2083, "庚,代表", 1);
        await ScoreAsync(staff, session, (await MembersAsync(session))[0].Id, p, 6);

        var bad = await district.SubmitAsync("/Screening/Rubric?year=2083", new()
        {
            ["Criteria[0].Name"] = "需求紧迫性", ["Criteria[0].Weight"] = "60", ["Criteria[0].Guide"] = "按反映人数",
            ["Criteria[1].Name"] = "受益面", ["Criteria[1].Weight"] = "30", ["Criteria[1].Guide"] = "按受益人数",
        });
        Assert.Contains("权重之和应为 100，现为 90", Fixtures.Errors(await district.ReadAsync(bad)));
        var ok = await district.SubmitAsync("/Screening/Rubric?year=2083", new()
        {
            ["Criteria[0].Name"] = "需求紧迫性", ["Criteria[0].Weight"] = "60", ["Criteria[0].Guide"] = "按反映人数",
            ["Criteria[1].Name"] = "受益面", ["Criteria[1].Weight"] = "40", ["Criteria[1].Guide"] = "按受益人数",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (_, second) = await district.GetAsync("/Screening/Rubric?year=2083");
        Assert.Equal("2", second.QuerySelector("[data-testid=rubric-version]")!.TextContent);

        var kept = await Fixtures.QueryAsync(app.Factory, db => db.CouncilScoreSheets.Where(s => s.ProjectId == p).Select(s => s.Session!.Rubric!.Version).SingleAsync());
        Assert.Equal(1, kept);
        var staffEdit = await staff.SubmitAsync("/Screening/Rubric?year=2083", new() { ["Criteria[0].Name"] = "x", ["Criteria[0].Weight"] = "100", ["Criteria[0].Guide"] = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, staffEdit.StatusCode);
    }

    [Fact]
    public async Task Each_criterion_score_and_its_change_is_in_the_audit_log_with_who_scored()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var p = await TestData.CreateProjectAsync(app.Factory, Fixtures.LiuLian, 2077, 5_0000_00, ProjectStatus.Submitted);
        var session = await SessionAsync(staff, 2077, "赵审计,代表\n钱审计", 1);
        var member = (await MembersAsync(session))[0];
        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(staff, session, member.Id, p, 6)).StatusCode);
        var first = await Fixtures.QueryAsync(app.Factory, db => db.CouncilScoreSheets.Where(s => s.ProjectId == p)
            .SelectMany(s => s.Items).Select(i => i.Id).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await ScoreAsync(staff, session, member.Id, p, 8)).StatusCode);   // the member changes the scores

        var firstIds = first.Select(S).ToList();
        var rows = await Fixtures.QueryAsync(app.Factory, db => db.AuditEntries
            .Where(a => a.Entity == nameof(CouncilScoreItem) && firstIds.Contains(a.EntityId)).ToListAsync());
        Assert.Equal(first.Count, rows.Count(a => a.Action == "Added" && a.After!.Contains("\"Points\":6")));
        Assert.Equal(first.Count, rows.Count(a => a.Action == "Deleted" && a.Before!.Contains("\"Points\":6")));
        Assert.All(rows, a => Assert.Equal("cs-ll", a.UserName));
        var sheet = await Fixtures.QueryAsync(app.Factory, db => db.CouncilScoreSheets.Where(s => s.ProjectId == p).Select(s => s.Id).SingleAsync());
        var rescored = await Fixtures.QueryAsync(app.Factory, db => db.AuditEntries.Where(a => a.Entity == nameof(CouncilScoreItem)
            && a.Action == "Added" && a.After!.Contains("\"Points\":8") && a.UserName == "cs-ll").Select(a => a.After!).ToListAsync());
        Assert.Equal(first.Count, rescored.Count(after => System.Text.RegularExpressions.Regex.IsMatch(after, $"\"SheetId\":{sheet}[,}}]")));

        var auditor = await Browser.LoginAsync(app.Factory, "auditor");
        var (_, log) = await auditor.GetAsync($"/Audit?entity={nameof(CouncilScoreItem)}&entityId={first[0]}");
        var text = log.QuerySelector("[data-testid=audit-table]")!.TextContent;
        Assert.Contains("议事会评分项", text);
        Assert.Contains("得分", text);
    }
}
