using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Inspections;

namespace Weishi.Tests.Delivery;

/// <summary>
/// 监督检查 (/Inspections): the supervisors' list of the inspections they may read, filtered by region, year and
/// 整改状态, counted, paged and exported. Inspections lie in far-future years so the demo's stay out of the rows.
/// </summary>
[Collection(DemoCollection.Name)]
public class InspectionListTests(DemoApp app)
{
    private const string BiLing = "440310003001";   // 碧岭社区, 碧岭街道 (sd-bl), not 汤坑 (cs-tk)
    private const string LiuLian = "440310001001";  // 六联社区, 坪山街道

    /// <summary>One inspection of each kind in 汤坑, one in another 碧岭 community, one in 坪山街道; rows keyed by findings.</summary>
    private async Task SeedAsync(int year)
    {
        // A contractor of their own: the demo contractor's home lists only its 30 latest flagged projects, which these must not crowd.
        var (contractorId, _, _) = await Weishi.Tests.Contractors.ContractorTestData.CreateAsync(app.Factory);
        var tangKeng = await DeliveryData.ProjectAsync(app.Factory, year, contractorId: contractorId);
        var biLing = await DeliveryData.ProjectAsync(app.Factory, year, contractorId: contractorId, community: BiLing);
        var liuLian = await DeliveryData.ProjectAsync(app.Factory, year, contractorId: contractorId, community: LiuLian);
        var late = DateTime.UtcNow;
        using var scope = app.Factory.Services.CreateScope();
        var db = DeliveryData.Db(scope);
        Inspection Make(int project, string findings, DateOnly? due = null, string? answer = null, bool closed = false) => new()
        {
            ProjectId = project, InspectedOn = new DateOnly(year, 11, 1), Inspector = "检查组", Checklist = "", Findings = findings,
            ContentMatchesDeclaration = true, RectificationRequired = due is not null, RectificationDueOn = due,
            ContractorResponse = answer, RespondedAtUtc = answer is null ? null : late, RectificationClosedAtUtc = closed ? late : null,
        };
        db.Inspections.AddRange(
            Make(tangKeng, "汤坑-无需整改"),
            Make(tangKeng, "汤坑-待答复", due: new DateOnly(year, 12, 30)),
            Make(tangKeng, "汤坑-已答复", due: new DateOnly(year, 12, 30), answer: "已补齐"),
            Make(tangKeng, "汤坑-已完成", due: new DateOnly(year, 11, 15), answer: "已补齐", closed: true),
            Make(tangKeng, "汤坑-逾期", due: new DateOnly(year, 12, 1)),
            Make(biLing, "碧岭-无需整改"),
            Make(liuLian, "六联-逾期", due: new DateOnly(year, 12, 1)));
        await db.SaveChangesAsync();
    }

    private static string[] Sorted(IEnumerable<string> names) => names.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The rows' findings and 整改状态, in the order shown.</summary>
    private static List<(string Findings, string State)> Listed(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=inspection-table] tbody tr").Select(tr =>
            (tr.QuerySelectorAll("td")[4].TextContent.Trim(), tr.QuerySelector("[data-testid=state]")!.TextContent.Trim())).ToList();

    private static Dictionary<string, string> Rows(IHtmlDocument page) => Listed(page).ToDictionary(r => r.Findings, r => r.State);

    [Fact]
    public async Task The_list_shows_exactly_the_inspections_the_user_may_read_and_refuses_contractors()
    {
        const int year = 2261;
        await SeedAsync(year);
        using var inYear = DeliveryData.LateInYear(app.Factory, year);

        var (status, page) = await (await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser)).GetAsync($"/Inspections?year={year}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(Sorted(["汤坑-无需整改", "汤坑-待答复", "汤坑-已答复", "汤坑-已完成", "汤坑-逾期", "碧岭-无需整改"]), Sorted(Rows(page).Keys));
        Assert.Equal(Sorted(["汤坑-无需整改", "汤坑-待答复", "汤坑-已答复", "汤坑-已完成", "汤坑-逾期"]),
            Sorted(Rows((await (await Browser.LoginAsync(app.Factory, DeliveryData.TangKengUser)).GetAsync($"/Inspections?year={year}")).Document).Keys));
        Assert.Equal(7, Listed((await (await Browser.LoginAsync(app.Factory, "district")).GetAsync($"/Inspections?year={year}")).Document).Count);

        var contractor = await Browser.LoginAsync(app.Factory, "contractor");
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync($"/Inspections?year={year}")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await contractor.GetAsync($"/Inspections?handler=Export&year={year}")).Status);
    }

    [Fact]
    public async Task Each_rectification_state_filter_returns_its_rows_and_the_counts_match_them()
    {
        const int year = 2262;
        await SeedAsync(year);
        using var inYear = DeliveryData.LateInYear(app.Factory, year);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);

        var (_, all) = await officer.GetAsync($"/Inspections?year={year}");
        Assert.Equal("检查 6 次，待整改 3 项，其中逾期 1 项", all.QuerySelector("[data-testid=inspection-counts]")!.TextContent.Trim());
        var states = Rows(all);
        Assert.Equal("无需整改", states["汤坑-无需整改"]);
        Assert.Equal("待答复", states["汤坑-待答复"]);
        Assert.Equal("已答复待确认", states["汤坑-已答复"]);
        Assert.Equal("已确认完成", states["汤坑-已完成"]);
        Assert.Equal("待答复", states["汤坑-逾期"]);
        var overdueCells = all.QuerySelectorAll("[data-testid=inspection-table] tbody tr")
            .Where(tr => tr.QuerySelector("[data-testid=overdue] .badge") is not null).Select(tr => tr.QuerySelectorAll("td")[4].TextContent.Trim()).ToList();
        Assert.Equal(["汤坑-逾期"], overdueCells);
        Assert.Contains("逾期 19 天", all.QuerySelectorAll("[data-testid=overdue]").Select(td => td.TextContent.Trim()));

        Assert.Equal(Sorted(["汤坑-已答复", "汤坑-待答复", "汤坑-逾期"]), Sorted(Rows((await officer.GetAsync($"/Inspections?year={year}&status=open")).Document).Keys));
        Assert.Equal(["汤坑-逾期"], Rows((await officer.GetAsync($"/Inspections?year={year}&status=overdue")).Document).Keys);
        Assert.Equal(["汤坑-已完成"], Rows((await officer.GetAsync($"/Inspections?year={year}&status=closed")).Document).Keys);
    }

    [Fact]
    public async Task Paging_keeps_the_filters_and_a_region_outside_scope_is_not_found()
    {
        const int year = 2263;
        var (contractorId, _, _) = await Weishi.Tests.Contractors.ContractorTestData.CreateAsync(app.Factory);
        var project = await DeliveryData.ProjectAsync(app.Factory, year, contractorId: contractorId);
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = DeliveryData.Db(scope);
            for (var n = 0; n < IndexModel.PageSize + 1; n++)
                db.Inspections.Add(new Inspection { ProjectId = project, InspectedOn = new DateOnly(year, 3, 1), Inspector = "检查组", Checklist = "",
                    Findings = $"待整改{n}", RectificationRequired = true, RectificationDueOn = new DateOnly(year, 3, 10) });
            db.Inspections.Add(new Inspection { ProjectId = project, InspectedOn = new DateOnly(year, 3, 1), Inspector = "检查组", Checklist = "",
                Findings = "无需整改的一次检查" });
            await db.SaveChangesAsync();
        }
        using var inYear = DeliveryData.LateInYear(app.Factory, year);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        var subdistrict = await TestData.RegionIdAsync(app.Factory, "440310003");

        var (_, first) = await officer.GetAsync($"/Inspections?region={subdistrict}&year={year}&status=open");
        Assert.Equal(IndexModel.PageSize, Listed(first).Count);
        var next = first.QuerySelectorAll("nav[aria-label=分页] a").Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        var (_, second) = await officer.GetAsync("/Inspections" + next);
        Assert.Equal("待答复", Assert.Single(Listed(second)).State);
        Assert.Contains("共 51 条", second.QuerySelector("nav[aria-label=分页]")!.TextContent);

        var pingShan = await TestData.RegionIdAsync(app.Factory, "440310001");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Inspections?region={pingShan}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/Inspections?handler=Export&region={pingShan}")).Status);
    }

    [Fact]
    public async Task The_export_holds_the_filtered_rows()
    {
        const int year = 2264;
        await SeedAsync(year);
        using var inYear = DeliveryData.LateInYear(app.Factory, year);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);
        var (_, page) = await officer.GetAsync($"/Inspections?year={year}&status=open");
        var href = page.QuerySelector("[data-testid=export]")!.GetAttribute("href")!;

        using var book = await Workbook.DownloadAsync(officer, href);
        var states = book.Column(book.SheetNames[0], "整改状态", key: "检查发现");
        Assert.Equal(Sorted(["汤坑-已答复", "汤坑-待答复", "汤坑-逾期"]), Sorted(states.Keys));
        Assert.Equal("已答复待确认", states["汤坑-已答复"].Text);
        Assert.Equal("19", book.Column(book.SheetNames[0], "逾期天数", key: "检查发现")["汤坑-逾期"].Text);
    }
}
