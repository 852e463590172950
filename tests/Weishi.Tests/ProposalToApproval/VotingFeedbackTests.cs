using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Voting;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>The public ballot page: a resident sees where the code went and for how long it is valid, keeps what was
/// chosen when a code is sent or a vote refused, and can open the public page of each option's project.</summary>
[Collection(DemoCollection.Name)]
public partial class VotingFeedbackTests(DemoApp app)
{
    private static string S(long n) => n.ToString(CultureInfo.InvariantCulture);
    private static int _phone;
    private static readonly int PhoneBase = Random.Shared.Next(50_000_000, 99_000_000);
    private static string NewPhone() => "137" + S(PhoneBase + Interlocked.Increment(ref _phone)).PadLeft(8, '0');

    private async Task<(int Ballot, int[] Projects)> BallotAsync(int year)
    {
        await TestData.SetBudgetAsync(app.Factory, Fixtures.LiuLian, year, 10_0000_00);
        var ids = new[]
        {
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 3_0000_00, ProjectStatus.CommunityReview, 80),
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 3_0000_00, ProjectStatus.CommunityReview, 70),
            await Fixtures.ScoredProjectAsync(app.Factory, Fixtures.LiuLian, year, 2_0000_00, ProjectStatus.CommunityReview, 60),
        };
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var regionId = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var r = await staff.SubmitAsync("/Voting", new()
        {
            ["regionId"] = S(regionId), ["year"] = S(year), ["title"] = $"{year} 年六联社区项目投票", ["kind"] = "Approval", ["maxChoices"] = "2",
            ["rule"] = "GreedyByVotes", ["days"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var ballot = await Fixtures.QueryAsync(app.Factory, db => db.Ballots.Where(b => b.RegionId == regionId && b.Year == year).Select(b => b.Id).SingleAsync());
        return (ballot, ids);
    }

    /// <summary>Posts the ballot form as the page's buttons do: "Code" asks for a code, "Vote" votes.</summary>
    private static async Task<IHtmlDocument> PostAsync(Browser resident, int ballot, string handler, string phone, string code, params int[] choices)
    {
        var token = await Fixtures.TokenAsync(resident, $"/Public/Vote/{ballot}");
        var response = await resident.Client.PostAsync($"/Public/Vote/{ballot}?handler={handler}", new FormUrlEncodedContent(
            [new("Phone", phone), new("Code", code), new("__RequestVerificationToken", token), .. choices.Select(c => new KeyValuePair<string, string>("Choices", S(c)))]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await resident.ReadAsync(response);
    }

    private async Task<string> LastCodeAsync(string phone)
    {
        using var scope = app.Factory.Services.CreateScope();
        var hash = await scope.ServiceProvider.GetRequiredService<PersonalData>().HashAsync(phone);
        var text = await Fixtures.Db(scope).SmsOutbox.Where(m => m.PhoneHash == hash).OrderByDescending(m => m.Id).Select(m => m.Text).FirstAsync();
        return CodePattern().Match(text).Value;
    }

    private static void AssertKept(IHtmlDocument page, string phone, int[] chosen, int[] all)
    {
        Assert.Equal(phone, page.QuerySelector("#phone")!.GetAttribute("value"));
        foreach (var id in all)
            Assert.Equal(chosen.Contains(id), page.QuerySelector($"#o-{id}")!.HasAttribute("checked"));
    }

    private Task<int> VotesAsync(int ballot) => Fixtures.QueryAsync(app.Factory, db => db.Votes.CountAsync(v => v.BallotId == ballot));

    [Fact]
    public async Task Asking_for_a_code_says_where_it_went_and_how_long_it_is_valid_and_keeps_the_choices()
    {
        var (ballot, ids) = await BallotAsync(2107);
        var resident = Browser.For(app.Factory);
        var phone = NewPhone();

        var page = await PostAsync(resident, ballot, "Code", phone, "", ids[0], ids[2]);
        Assert.Equal("", Fixtures.Errors(page));
        var notice = page.QuerySelector("[data-testid=code-sent]")!.TextContent;
        Assert.Equal($"验证码已发送至 {PersonalData.MaskPhone(phone)}，{PhoneCodes.Lifetime.TotalMinutes:0} 分钟内有效", notice);
        Assert.Equal(phone[..3] + "****" + phone[^4..], PersonalData.MaskPhone(phone));
        Assert.DoesNotContain(phone, notice);
        AssertKept(page, phone, [ids[0], ids[2]], ids);

        // A wrong code is refused in plain words; the phone and the choices stay, nothing is stored.
        var code = await LastCodeAsync(phone);
        var wrong = await PostAsync(resident, ballot, "Vote", phone, code == "000000" ? "111111" : "000000", ids[0], ids[2]);
        Assert.Contains($"验证码不正确，请核对短信中的 6 位数字后重新输入（还可尝试 {PhoneCodes.MaxAttempts - 1} 次）", Fixtures.Errors(wrong));
        Assert.Null(wrong.QuerySelector("[data-testid=code-sent]"));
        AssertKept(wrong, phone, [ids[0], ids[2]], ids);
        Assert.Equal(0, await VotesAsync(ballot));

        // Asking again until the limit: refused with when to try again, the choices kept.
        for (var i = 1; i < PhoneCodes.MaxPerLifetime; i++) await PostAsync(resident, ballot, "Code", phone, "", ids[1]);
        var limited = await PostAsync(resident, ballot, "Code", phone, "", ids[1], ids[2]);
        var limitError = Fixtures.Errors(limited);
        Assert.Contains($"验证码发送过于频繁：同一手机号 {PhoneCodes.Lifetime.TotalMinutes:0} 分钟内最多获取 {PhoneCodes.MaxPerLifetime} 次", limitError);
        Assert.Matches("请 [0-9]+ 分钟后再试", limitError);
        Assert.Null(limited.QuerySelector("[data-testid=code-sent]"));
        AssertKept(limited, phone, [ids[1], ids[2]], ids);
    }

    [Fact]
    public async Task An_expired_code_is_refused_in_plain_words_and_the_choices_are_kept()
    {
        var (ballot, ids) = await BallotAsync(2108);
        var resident = Browser.For(app.Factory);
        var phone = NewPhone();
        await PostAsync(resident, ballot, "Code", phone, "", ids[1]);
        var code = await LastCodeAsync(phone);
        IHtmlDocument expired;
        using (app.Factory.Clock.Advance(PhoneCodes.Lifetime.Add(TimeSpan.FromMinutes(1))))
            expired = await PostAsync(resident, ballot, "Vote", phone, code, ids[1]);
        Assert.Contains($"验证码已过期（有效期 {PhoneCodes.Lifetime.TotalMinutes:0} 分钟）或尚未获取，请点击“获取验证码”重新获取", Fixtures.Errors(expired));
        AssertKept(expired, phone, [ids[1]], ids);
        Assert.Equal(code, expired.QuerySelector("#code")!.GetAttribute("value"));
        Assert.Equal(0, await VotesAsync(ballot));
    }

    [Fact]
    public async Task Options_link_to_their_projects_public_page_when_the_portal_shows_it()
    {
        var (ballot, ids) = await BallotAsync(2109);
        // The first proposal was approved for publicity since; the others are still under review (not public).
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var p = await db.Projects.IgnoreQueryFilters().SingleAsync(x => x.Id == ids[0]);
            p.Status = ProjectStatus.Publicity;
            await db.SaveChangesAsync();
        });
        var resident = Browser.For(app.Factory);
        var (status, page) = await resident.GetAsync($"/Public/Vote/{ballot}");
        Assert.Equal(HttpStatusCode.OK, status);
        var links = page.QuerySelectorAll("[data-testid=ballot-form] a[data-testid=option-link]").ToList();
        var link = Assert.Single(links);
        Assert.Equal($"/Public/Projects/Detail/{ids[0]}", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener", link.GetAttribute("rel"));
        Assert.Null(page.QuerySelector($"a[href='/Public/Projects/Detail/{ids[1]}']"));

        var name = await Fixtures.QueryAsync(app.Factory, db => db.Projects.IgnoreQueryFilters().Where(p => p.Id == ids[0]).Select(p => p.Name).SingleAsync());
        var (detailStatus, detail) = await Browser.For(app.Factory).GetAsync(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, detailStatus);
        Assert.Equal(name, detail.QuerySelector("[data-testid=public-name]")!.TextContent);

        // The results keep the link once the ballot closes.
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        await staff.SubmitAsync("/Voting", new() { ["id"] = S(ballot) }, postUrl: "/Voting?handler=Close");
        var (_, closed) = await resident.GetAsync($"/Public/Vote/{ballot}");
        Assert.NotNull(closed.QuerySelector($"[data-testid=results] a[href='/Public/Projects/Detail/{ids[0]}']"));
    }

    [GeneratedRegex("[0-9]{6}")]
    private static partial Regex CodePattern();
}
