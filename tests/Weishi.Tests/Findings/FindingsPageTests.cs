using System.Net;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Findings;
using Xunit;

namespace Weishi.Tests.Findings;

[Collection(DemoCollection.Name)]
public class FindingsPageTests(DemoApp app)
{
    private const string Pw = Weishi.Web.Features.Demo.DemoAccounts.Password;

    /// <summary>The source report's 五 on the demo: the district run over 2021–2023 finds its kinds of problems.</summary>
    [Fact]
    public async Task The_district_run_over_2021_2023_finds_the_source_reports_problems()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance", Pw);
        var (status, page) = await finance.GetAsync("/Findings?from=2021&to=2023");
        Assert.Equal(HttpStatusCode.OK, status);
        var findings = page.QuerySelectorAll("[data-testid=finding]").ToDictionary(f => f.GetAttribute("data-type")!);
        foreach (var type in new[] { FindingTypes.DemandSupply, FindingTypes.Screening, FindingTypes.Supervision, FindingTypes.OneOff,
                     FindingTypes.Beneficiaries, FindingTypes.FormalSurveys, FindingTypes.UnitCost, FindingTypes.Upkeep })
        {
            Assert.True(findings.ContainsKey(type), $"{type} missing; found {string.Join(",", findings.Keys)}");
            var f = findings[type];
            Assert.NotEmpty(f.QuerySelectorAll("[data-testid=evidence] tbody tr"));
            Assert.False(string.IsNullOrWhiteSpace(f.QuerySelector("[data-testid=recommendation]")!.TextContent));
        }
        Assert.Contains("超过半数", findings[FindingTypes.OneOff].QuerySelector("[data-testid=statement]")!.TextContent);
        // The period is written as the evaluation report writes it.
        Assert.StartsWith("2021—2023年全区", findings[FindingTypes.OneOff].QuerySelector("[data-testid=statement]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("未明确后续管养责任主体", findings[FindingTypes.Upkeep].TextContent);
        Assert.Contains("服务集中在少数居民身上", findings[FindingTypes.Beneficiaries].TextContent);
        Assert.Contains("能对应到居民提出需求的仅", findings[FindingTypes.DemandSupply].TextContent);
        Assert.Contains("来深建设者", findings[FindingTypes.DemandSupply].TextContent);
        Assert.Contains("知晓率", findings[FindingTypes.DemandSupply].TextContent);
    }

    /// <summary>The finance bureau and auditors read findings, cost and upkeep pages but not council pages: no evidence link leads to 403,
    /// and the unit-cost and upkeep findings link to their evidence.</summary>
    [Theory]
    [InlineData("finance")]
    [InlineData("auditor")]
    public async Task Evidence_links_lead_only_to_pages_the_reader_may_open(string user)
    {
        var reader = await Browser.LoginAsync(app.Factory, user, Pw);
        var (_, page) = await reader.GetAsync("/Findings?from=2021&to=2023");
        var evidence = page.QuerySelectorAll("[data-testid=evidence] tbody td:first-child").ToList();
        Assert.NotEmpty(evidence);
        var links = evidence.SelectMany(td => td.QuerySelectorAll("a")).Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.Contains(links, h => h.StartsWith("/CostBenchmarking/Project/", StringComparison.Ordinal));
        Assert.Contains(links, h => h.StartsWith("/Maintenance?community=", StringComparison.Ordinal));
        // One of each kind of link (ids and query values aside) is opened.
        foreach (var href in links.GroupBy(h => System.Text.RegularExpressions.Regex.Replace(h, "[0-9]+", "N")).Select(g => g.First()))
        {
            var (status, _) = await reader.GetAsync(href);
            Assert.True(status == HttpStatusCode.OK, $"{href} answers {status} to {user}");
        }
        // The screening rows count the community's projects, which the reader may list.
        var screening = page.QuerySelector($"[data-type={FindingTypes.Screening}] [data-testid=evidence] tbody td")!;
        Assert.StartsWith("/Projects?region=", screening.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith("社区", screening.TextContent.Trim());
        // Evidence without a page of its own still shows its subject.
        var awareness = page.QuerySelectorAll($"[data-type={FindingTypes.DemandSupply}] [data-testid=evidence] tbody td:first-child")
            .Single(td => td.TextContent.Contains("知晓率", StringComparison.Ordinal));
        Assert.Null(awareness.QuerySelector("a"));
    }

    [Fact]
    public async Task A_community_worker_sees_only_its_own_community()
    {
        var cs = await Browser.LoginAsync(app.Factory, "cs-tk", Pw);
        var (status, page) = await cs.GetAsync("/Findings?from=2021&to=2023");
        Assert.Equal(HttpStatusCode.OK, status);
        var options = page.QuerySelectorAll("select[name=region] option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["汤坑社区"], options);
        Assert.Contains("汤坑社区", page.QuerySelector("[data-testid=summary]")!.TextContent);
        var subjects = page.QuerySelectorAll("[data-testid=evidence] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(subjects);
        var others = await Fixtures.QueryAsync(app.Factory, db => db.Regions.Where(r => r.Level == Weishi.Web.Features.Regions.RegionLevel.Community && r.ShortName != "汤坑社区")
            .Select(r => r.ShortName).ToListAsync());
        Assert.DoesNotContain(subjects, s => others.Any(o => s.StartsWith(o, StringComparison.Ordinal)));

        var liulian = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var (other, _) = await cs.GetAsync($"/Findings?from=2021&to=2023&region={liulian}");
        Assert.Equal(HttpStatusCode.NotFound, other);
    }

    [Fact]
    public async Task Auditors_read_the_page_and_residents_may_not()
    {
        var auditor = await Browser.LoginAsync(app.Factory, "auditor", Pw);
        var (ok, page) = await auditor.GetAsync("/Findings?from=2137&to=2137");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.NotNull(page.QuerySelector("[data-testid=summary]"));
        var resident = await Browser.LoginAsync(app.Factory, "resident", Pw);
        var (refused, _) = await resident.GetAsync("/Findings");
        Assert.NotEqual(HttpStatusCode.OK, refused);
    }

    [Fact]
    public async Task Bad_years_are_refused_in_chinese()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance", Pw);
        var (_, page) = await finance.GetAsync("/Findings?from=2023&to=2021");
        Assert.Contains("起始年度不晚于结束年度", page.QuerySelector("[data-testid=error]")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("[data-testid=finding]"));
    }
}
