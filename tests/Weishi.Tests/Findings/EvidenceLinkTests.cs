using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Tests.Ui;
using Weishi.Web.Features.Findings;
using Xunit;

namespace Weishi.Tests.Findings;

/// <summary>A finding's evidence row about a community links to the list of what it counts, not to an unfiltered list.</summary>
[Collection(DemoCollection.Name)]
public class EvidenceLinkTests(DemoApp app)
{
    /// <summary>Rows of the form "… x / N 个" count N projects of the community and period: the linked list shows N rows.</summary>
    [Theory]
    [InlineData(FindingTypes.Supervision)]
    [InlineData(FindingTypes.OneOff)]
    [InlineData(FindingTypes.Screening)]
    [InlineData(FindingTypes.DemandSupply)]
    public async Task Following_a_community_row_shows_the_projects_it_counts(string type)
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Findings?from=2021&to=2023");
        var rows = page.QuerySelectorAll($"[data-type={type}] [data-testid=evidence] tbody tr")
            .Select(tr => (Link: tr.QuerySelector("td a")?.GetAttribute("href"), Subject: tr.QuerySelector("td")!.TextContent.Trim(),
                Count: Regex.Match(tr.QuerySelectorAll("td")[1].TextContent, @"/ (?:服务类 )?(\d+) 个")))
            .Where(r => r.Count.Success).ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows.Take(3))
        {
            Assert.NotNull(row.Link);
            Assert.StartsWith("/Projects?region=", row.Link, StringComparison.Ordinal);
            Assert.Contains("from=2021&to=2023", row.Link);
            var (status, list) = await district.GetAsync(row.Link);
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(int.Parse(row.Count.Groups[1].Value, CultureInfo.InvariantCulture), ProjectListFilterTests.Total(list));
            Assert.All(list.QuerySelectorAll("[data-testid=project-table] tbody tr td:nth-child(3)"), td => Assert.Equal(row.Subject, td.TextContent.Trim()));
        }
    }

    /// <summary>An upkeep row counts the assets of the community's works projects of the period: the register opens on them.</summary>
    [Fact]
    public async Task Following_an_upkeep_row_shows_the_assets_it_counts()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Findings?from=2022&to=2022");
        var rows = page.QuerySelectorAll($"[data-type={FindingTypes.Upkeep}] [data-testid=evidence] tbody tr").ToList();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var figure = Regex.Match(row.QuerySelectorAll("td")[1].TextContent, @"无管养主体 (\d+)、无管养经费 (\d+) / 设施 (\d+) 处");
            Assert.True(figure.Success, row.TextContent);
            var link = row.QuerySelector("a")!.GetAttribute("href")!;
            Assert.Contains("from=2022&to=2022", link);
            var (_, register) = await district.GetAsync(link);
            var shown = Regex.Match(register.Body!.TextContent, @"无管养主体 (\d+) · 无管养资金 (\d+)");
            Assert.Equal((figure.Groups[1].Value, figure.Groups[2].Value), (shown.Groups[1].Value, shown.Groups[2].Value));
            var subject = row.QuerySelector("td")!.TextContent.Trim();
            Assert.All(register.QuerySelectorAll("[data-testid=asset-register] tbody tr td:nth-child(2)"), td => Assert.Equal(subject, td.TextContent.Trim()));
            var ids = register.QuerySelectorAll("[data-testid=asset-register] tbody tr td:first-child a")
                .Select(a => int.Parse(a.GetAttribute("href")!.Split('/').Last(), CultureInfo.InvariantCulture)).ToList();
            var years = await Fixtures.QueryAsync(app.Factory, db => db.Assets.Where(a => ids.Contains(a.Id)).Select(a => a.Project!.Year).Distinct().ToListAsync());
            Assert.All(years, y => Assert.Equal(2022, y));
        }
    }

    [Fact]
    public async Task No_evidence_links_to_an_unfiltered_list()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var (_, page) = await district.GetAsync("/Findings?from=2021&to=2023");
        var links = page.QuerySelectorAll("[data-testid=evidence] a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        Assert.DoesNotContain(links, h => h.TrimEnd('/') is "/Projects" or "/Council" or "/Demands" or "/Maintenance" || h.StartsWith("/Demands?", StringComparison.Ordinal)
            || (h.StartsWith("/Maintenance?", StringComparison.Ordinal) && !h.Contains("&from=2021&to=2023", StringComparison.Ordinal)));
    }
}
