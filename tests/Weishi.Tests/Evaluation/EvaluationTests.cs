using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Findings;
using Weishi.Web.Infrastructure.Jobs;
using Xunit;

namespace Weishi.Tests.Evaluation;

/// <summary>A detector standing in for the real ones (built in parallel) to show the report's problem and advice sections fill.</summary>
public sealed class FakeDetector : IFindingDetector
{
    public const string Recommendation = "建议建立需求征集台账，项目须关联居民需求后方可申报。";
    public string Type => "test-demand-mismatch";

    public Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct) => Task.FromResult<Finding?>(new Finding(
        Type, "需求端到供给端：供需失衡", $"{scope.FromYear}—{scope.ToYear} 年共有 1234 个项目未关联居民需求。",
        [new FindingEvidence("六联社区", "关联率 12.5%")], Recommendation));
}

[Collection(DemoCollection.Name)]
public class EvaluationTests(DemoApp app)
{
    private static async Task<int> CreateAsync(Browser browser, Dictionary<string, string> fields)
    {
        var response = await browser.SubmitAsync("/Evaluation/Create", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, (await browser.ReadAsync(response)).QuerySelector("[data-testid=errors]")?.TextContent);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<int> TreeIdAsync(WeishiAppFactory f, TreeKind kind) =>
        await Fixtures.QueryAsync(f, db => db.Set<IndicatorTree>().Where(t => t.Kind == kind).OrderBy(t => t.Version).Select(t => t.Id).FirstAsync());

    private async Task<int> DistrictEvaluationAsync(Browser finance) => await CreateAsync(finance, new()
    {
        ["Input.Title"] = "坪山区 2021—2023 年度民生微实事项目", ["Input.TreeId"] = $"{await TreeIdAsync(app.Factory, TreeKind.Programme)}",
        ["Input.FromYear"] = "2021", ["Input.ToYear"] = "2023", ["Input.ScopeKind"] = "District",
    });

    private static decimal Number(AngleSharp.Html.Dom.IHtmlDocument page, string testId) =>
        decimal.Parse(page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Finance_sees_the_shipped_trees_with_every_leaf_and_its_rule()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (_, list) = await finance.GetAsync("/Evaluation/Trees");
        Assert.Contains("民生微实事项目绩效评价指标体系", list.QuerySelector("[data-testid=trees]")!.TextContent);
        Assert.Contains("社区民生微实事自评指标体系", list.QuerySelector("[data-testid=trees]")!.TextContent);
        var (_, tree) = await finance.GetAsync($"/Evaluation/Trees/Detail/{await TreeIdAsync(app.Factory, TreeKind.Programme)}");
        var text = tree.QuerySelector("[data-testid=tree]")!.TextContent;
        Assert.Contains("预算执行率", text);
        Assert.Contains("实际支出 ÷ 年度预算", text);
        Assert.Contains("需求与项目关联度", text);
    }

    [Fact]
    public async Task A_tree_whose_weights_do_not_add_up_is_not_saved_and_a_good_edit_becomes_a_new_version()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await TreeIdAsync(app.Factory, TreeKind.SelfEvaluation);
        var (_, form) = await finance.GetAsync($"/Evaluation/Trees/Edit/{id}");
        var fields = form.QuerySelectorAll("form[method=post] input[name^=Rows], form[method=post] select[name^=Rows]")
            .Where(e => e.GetAttribute("type") != "checkbox" || e.HasAttribute("checked"))
            .ToDictionary(e => e.GetAttribute("name")!, e => e is AngleSharp.Html.Dom.IHtmlSelectElement s ? s.Value ?? "" : e.GetAttribute("value") ?? "");
        fields["Name"] = "社区民生微实事自评指标体系";
        var before = await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().CountAsync(t => t.Kind == TreeKind.SelfEvaluation));

        var bad = new Dictionary<string, string>(fields) { ["Rows[1].Weight"] = "12" };   // S1-1 12 under S1 (10)
        var refused = await finance.ReadAsync(await finance.SubmitAsync($"/Evaluation/Trees/Edit/{id}", bad));
        Assert.Contains("下级指标权重合计 12 分，应等于 10 分", Fixtures.Errors(refused));
        var topTooHigh = new Dictionary<string, string>(bad) { ["Rows[0].Weight"] = "12" };   // S1 and S1-1 both 12: 102 in all
        var refusedTop = await finance.ReadAsync(await finance.SubmitAsync($"/Evaluation/Trees/Edit/{id}", topTooHigh));
        Assert.Contains("一级指标权重合计 102 分，应等于 100 分", Fixtures.Errors(refusedTop));
        Assert.Equal(before, await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().CountAsync(t => t.Kind == TreeKind.SelfEvaluation)));

        var ok = await finance.SubmitAsync($"/Evaluation/Trees/Edit/{id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(before + 1, await Fixtures.QueryAsync(app.Factory, db => db.Set<IndicatorTree>().CountAsync(t => t.Kind == TreeKind.SelfEvaluation)));

        var community = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (status, _) = await community.GetAsync($"/Evaluation/Trees/Edit/{id}");
        Assert.NotEqual(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_expert_score_changes_the_total_and_a_bad_score_changes_nothing()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await DistrictEvaluationAsync(finance);
        var (_, page) = await finance.GetAsync($"/Evaluation/Detail/{id}");
        var total = Number(page, "total");
        Assert.Contains("实际支出", page.QuerySelector("[data-testid=indicators] tr[data-code=B1-2]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-testid=drill-B2-2]"));
        Assert.Equal("未评分", page.QuerySelector("[data-testid=score-A1-1-value]")!.TextContent.Trim());

        var tooHigh = await finance.ReadAsync(await finance.SubmitAsync($"/Evaluation/Detail/{id}",
            new() { ["code"] = "A1-1", ["score"] = "3.5", ["reason"] = "依据充分" }, $"/Evaluation/Detail/{id}?handler=Score"));
        Assert.Contains("得分须在 0 到 3 分之间", Fixtures.Errors(tooHigh));
        var noReason = await finance.ReadAsync(await finance.SubmitAsync($"/Evaluation/Detail/{id}",
            new() { ["code"] = "A1-1", ["score"] = "2" }, $"/Evaluation/Detail/{id}?handler=Score"));
        Assert.Contains("请填写评分理由", Fixtures.Errors(noReason));
        var dataLeaf = await finance.ReadAsync(await finance.SubmitAsync($"/Evaluation/Detail/{id}",
            new() { ["code"] = "B1-2", ["score"] = "1", ["reason"] = "x" }, $"/Evaluation/Detail/{id}?handler=Score"));
        Assert.Contains("由数据自动计分", Fixtures.Errors(dataLeaf));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.Set<EvaluationScore>().AnyAsync(s => s.EvaluationId == id)));

        // Through htmx the sheet comes back with the new total.
        var token = await Fixtures.TokenAsync(finance, $"/Evaluation/Detail/{id}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/Evaluation/Detail/{id}?handler=Score")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                { ["code"] = "A1-1", ["score"] = "2.5", ["reason"] = "立项依据基本充分", ["__RequestVerificationToken"] = token }),
        };
        request.Headers.Add("HX-Request", "true");
        var partial = await finance.ReadAsync(await finance.Client.SendAsync(request));
        Assert.Equal(total + 2.5m, Number(partial, "total"));
        Assert.Equal(Grade.Of(total + 2.5m), partial.QuerySelector("[data-testid=grade]")!.TextContent.Trim());
        Assert.Equal("2.50", partial.QuerySelector("[data-testid=score-A1-1-value]")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_district_department_may_create_and_score_a_district_evaluation_like_the_finance_bureau()
    {
        // The pages offer it to both (EvaluationAccess); the context's save check must follow the same rule.
        var district = await Browser.LoginAsync(app.Factory, "district");
        var id = await DistrictEvaluationAsync(district);
        var saved = await district.SubmitAsync($"/Evaluation/Detail/{id}",
            new() { ["code"] = "A1-1", ["score"] = "2", ["reason"] = "立项依据基本充分" }, $"/Evaluation/Detail/{id}?handler=Score");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, after) = await district.GetAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("已保存", Assert.Single(after.QuerySelectorAll("[data-testid=message]")).TextContent); // shown once, by the layout
        Assert.Equal((decimal?)2m, await Fixtures.QueryAsync(app.Factory, db => db.Set<EvaluationScore>().Where(s => s.EvaluationId == id).Select(s => s.Score).SingleAsync()));
    }

    [Fact]
    public async Task A_community_self_evaluation_is_seen_by_its_community_and_the_district_but_not_by_another_community()
    {
        var own = await Browser.LoginAsync(app.Factory, "cs-ll");
        var id = await CreateAsync(own, new()
        {
            ["Input.Title"] = "六联社区自评", ["Input.TreeId"] = $"{await TreeIdAsync(app.Factory, TreeKind.SelfEvaluation)}",
            ["Input.FromYear"] = "2023", ["Input.ToYear"] = "2023",
            // A community cannot widen its own scope: these are ignored.
            ["Input.ScopeKind"] = "District",
        });
        var liuLian = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.Set<PerformanceEvaluation>().SingleAsync(e => e.Id == id));
        Assert.Equal((liuLian, EvaluationScopeKind.Community, $"{liuLian}"), (stored.OwnerRegionId!.Value, stored.ScopeKind, stored.RegionIds));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/Evaluation/Detail/{id}")).Status);

        var other = await Browser.LoginAsync(app.Factory, "cs-lh");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Evaluation/Detail/{id}")).Status);
        var (_, list) = await other.GetAsync("/Evaluation");
        Assert.Null(list.QuerySelector($"[data-testid=evaluations] tr[data-id='{id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Evaluation/Print/{id}")).Status);
        await other.SubmitAsync("/Evaluation/Create", new() { ["code"] = "S3-3", ["score"] = "5", ["reason"] = "x" }, $"/Evaluation/Detail/{id}?handler=Score");
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.Set<EvaluationScore>().AnyAsync(s => s.EvaluationId == id)));

        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var (_, financeList) = await finance.GetAsync("/Evaluation");
        Assert.NotNull(financeList.QuerySelector($"[data-testid=evaluations] tr[data-id='{id}']"));

        // A community user acting directly on the database is refused too.
        var otherScope = new Weishi.Web.Infrastructure.Auth.UserScope("x", "cs-lh", false, false,
            [await TestData.RegionIdAsync(app.Factory, Fixtures.LiuHe)], null, new HashSet<Weishi.Web.Features.Accounts.AppRole> { Weishi.Web.Features.Accounts.AppRole.CommunityStaff });
        using var scope = app.Factory.Services.CreateScope();
        var db = app.Factory.CreateDbContext(scope, otherScope);
        Assert.False(await db.Set<PerformanceEvaluation>().AnyAsync(e => e.Id == id));
        db.Add(new EvaluationScore { EvaluationId = id, NodeCode = "S3-3", Score = 5, Reason = "x" });
        await Assert.ThrowsAsync<Weishi.Web.Infrastructure.Auth.ScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Bad_input_when_creating_an_evaluation_saves_nothing()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var before = await Fixtures.QueryAsync(app.Factory, db => db.Set<PerformanceEvaluation>().CountAsync());
        var page = await finance.ReadAsync(await finance.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = " ", ["Input.TreeId"] = "999999", ["Input.FromYear"] = "2023", ["Input.ToYear"] = "2021",
            ["Input.ScopeKind"] = "ProjectSet", ["Input.ProjectCodes"] = "NO-SUCH-CODE",
        }));
        var errors = Fixtures.Errors(page);
        Assert.Contains("请填写评价名称", errors);
        Assert.Contains("请选择指标体系", errors);
        Assert.Contains("起始年度不能晚于截止年度", errors);
        Assert.Contains("找不到项目：NO-SUCH-CODE", errors);
        Assert.Equal(before, await Fixtures.QueryAsync(app.Factory, db => db.Set<PerformanceEvaluation>().CountAsync()));
    }

    [Theory]
    [InlineData(2099, 2099, "截止年度不能晚于今年（{this}年）")]
    [InlineData(null, null, "起始年度不能早于{first}年（系统中最早的项目年度）")]
    public async Task A_period_after_this_year_or_before_the_programmes_first_year_is_refused_and_saves_nothing(int? fromYear, int? toYear, string message)
    {
        var firstYear = await Fixtures.QueryAsync(app.Factory, db => db.Projects.MinAsync(p => p.Year));
        var from = fromYear ?? firstYear - 1;
        var to = toYear ?? firstYear;
        var title = $"QA测试评价 全区 {from}—{to}";
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var page = await finance.ReadAsync(await finance.SubmitAsync("/Evaluation/Create", new()
        {
            ["Input.Title"] = title, ["Input.TreeId"] = $"{await TreeIdAsync(app.Factory, TreeKind.Programme)}",
            ["Input.FromYear"] = $"{from}", ["Input.ToYear"] = $"{to}", ["Input.ScopeKind"] = "District",
        }));
        // Years read as the findings and the report write them: 2021年, without a space.
        var thisYear = Weishi.Web.Infrastructure.Web.ChinaDate.Today(app.Factory.Clock).Year;
        Assert.Contains(message.Replace("{this}", $"{thisYear}").Replace("{first}", $"{firstYear}"), Fixtures.Errors(page));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.Set<PerformanceEvaluation>().AnyAsync(e => e.Title == title)));
    }

    [Fact]
    public async Task The_district_report_states_the_source_reports_yearly_figures_and_validates()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await DistrictEvaluationAsync(finance);
        // With a detector registered, the problems and advice sections fill, and staff's edits reach the report.
        await using var withDetector = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IFindingDetector, FakeDetector>()));
        using var scope = withDetector.Services.CreateScope();
        var factory = scope.ServiceProvider.GetRequiredService<EvaluationFactory>();
        var db = scope.ServiceProvider.GetRequiredService<Weishi.Web.Infrastructure.Data.WeishiDbContext>();
        var evaluation = await db.Set<PerformanceEvaluation>().Include(e => e.Recommendations).SingleAsync(e => e.Id == id);
        Assert.Equal(1, await factory.SeedRecommendationsAsync(evaluation, default));
        await db.SaveChangesAsync();
        var seeded = evaluation.Recommendations.Single(r => r.FindingType == "test-demand-mismatch");
        Assert.Equal(FakeDetector.Recommendation, seeded.Text);
        var texts = await finance.SubmitAsync($"/Evaluation/Detail/{id}", new() { ["ids"] = seeded.Id.ToString(), ["texts"] = "建议（已修改）：建立需求台账。" }, $"/Evaluation/Detail/{id}?handler=Recommendations");
        Assert.Equal(HttpStatusCode.Redirect, texts.StatusCode);

        var scorer = scope.ServiceProvider.GetRequiredService<EvaluationScorer>();
        var builder = scope.ServiceProvider.GetRequiredService<EvaluationReportBuilder>();
        var report = await builder.BuildAsync((await scorer.LoadAsync(id, default))!, null, default);
        using var stream = new MemoryStream();
        DocxReportWriter.Write(report, stream);
        stream.Position = 0;
        using var doc = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));

        var body = doc.MainDocumentPart!.Document.Body!;
        var text = body.InnerText;
        Assert.Contains("2021年共组织实施“民生微实事”项目 579 个，实际支出金额 4368.20 万元", text);
        Assert.Contains("项目 520 个，实际支出金额 4684.16 万元", text);
        Assert.Contains("项目 493 个，实际支出金额 4683.04 万元", text);
        var headings = body.Descendants<Paragraph>().Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading1").Select(p => p.InnerText).ToList();
        Assert.Equal(["一、项目基本情况", "二、绩效评价工作开展情况", "三、评价结论及指标分析", "四、主要成效", "五、存在问题", "六、有关建议"], headings);
        var tables = body.Elements<Table>().ToList();
        var yearTable = tables[0].InnerText;
        Assert.Contains("579", yearTable);
        Assert.Contains("4,368.20", yearTable);   // tables group thousands, the text writes 4368.20 as the source report does
        var indicators = tables.Single(t => t.InnerText.Contains("计分方法与规则"));
        Assert.Contains("预算执行率", indicators.InnerText);
        Assert.Equal(report.Sheet.Nodes.Count + 1, indicators.Elements<TableRow>().Count());
        Assert.Contains($"综合评价结果为 {Scoring.Show(report.Sheet.Total)} 分，绩效评价结论为“{report.Sheet.Grade}”", text);
        Assert.Contains("1234 个项目未关联居民需求", text);
        // The shipped detectors state the demo's problems of the source report's 五 too.
        Assert.Contains("超过半数", text);
        Assert.Contains("未明确后续管养责任主体", text);
        Assert.Contains("建议（已修改）：建立需求台账。", text);
        Assert.DoesNotContain(FakeDetector.Recommendation, text);
        Assert.NotNull(doc.MainDocumentPart.FooterParts.Single().Footer.Descendants<FieldCode>().SingleOrDefault(f => f.Text.Contains("PAGE")));
    }

    [Fact]
    public async Task A_report_written_before_every_expert_score_is_in_calls_its_grade_provisional()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await DistrictEvaluationAsync(finance);
        var (_, print) = await finance.GetAsync($"/Evaluation/Print/{id}");
        var pending = print.QuerySelectorAll("[data-testid=indicators] tr").Count(tr => tr.TextContent.Contains("未评分"));
        Assert.True(pending > 0);
        Assert.Contains($"尚有 {pending} 项指标未评分（按 0 分计），以上为暂定结论", print.QuerySelector("[data-testid=conclusion]")!.TextContent);

        // Once every expert leaf is scored the conclusion stands as it is.
        await Fixtures.ExecAsync(app.Factory, async db =>
        {
            var evaluation = await db.Set<PerformanceEvaluation>().Include(e => e.Tree!).ThenInclude(t => t.Nodes).SingleAsync(e => e.Id == id);
            foreach (var leaf in evaluation.Tree!.Nodes.Where(n => n.IsLeaf && n.Method == ScoringMethod.Expert))
                db.Add(new EvaluationScore { EvaluationId = id, NodeCode = leaf.Code, Score = 0, Reason = "测试", ScoredBy = "finance" });
            await db.SaveChangesAsync();
        });
        var (_, scored) = await finance.GetAsync($"/Evaluation/Print/{id}");
        Assert.DoesNotContain("暂定结论", scored.QuerySelector("[data-testid=conclusion]")!.TextContent);
    }

    [Fact]
    public async Task The_report_is_generated_in_the_background_and_downloaded_when_done()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await DistrictEvaluationAsync(finance);
        var queued = await finance.SubmitAsync($"/Evaluation/Detail/{id}", new(), $"/Evaluation/Detail/{id}?handler=Report");
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var jobUrl = queued.Headers.Location!.OriginalString;
        Assert.StartsWith("/Jobs/Detail/", jobUrl);
        var jobId = int.Parse(jobUrl.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 600 && !await Fixtures.QueryAsync(app.Factory, db => db.Jobs.AnyAsync(j => j.Id == jobId && (j.Status == JobStatus.Succeeded || j.Status == JobStatus.Failed))); i++)
            await Task.Delay(100);
        var (_, page) = await finance.GetAsync(jobUrl);
        Assert.Contains("报告已生成", page.QuerySelector("[data-testid=job-message]")!.TextContent);
        var file = await finance.Client.GetAsync(page.QuerySelector("[data-testid=job-result]")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.Content.Headers.ContentType!.MediaType);
        Assert.EndsWith("民生微实事项目.docx", file.Content.Headers.ContentDisposition!.FileNameStar);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await file.Content.ReadAsByteArrayAsync()), false);
        Assert.Contains("项目 579 个", doc.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public async Task The_printable_report_comparison_and_drill_down_show_the_figures()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await DistrictEvaluationAsync(finance);
        var (_, print) = await finance.GetAsync($"/Evaluation/Print/{id}");
        Assert.Contains("项目 579 个，实际支出金额 4368.20 万元", print.QuerySelector("[data-testid=years-sentence]")!.TextContent);
        // The yearly table ends with the period's 合计, as in the Word report (579 + 520 + 493, summed in 分).
        Assert.Equal(["合计", "1,592", "13,735.40"], print.QuerySelectorAll("[data-testid=years-total] td").Select(td => td.TextContent.Trim()));
        Assert.NotNull(print.QuerySelector("#chart-years"));
        var (_, compare) = await finance.GetAsync($"/Evaluation/Compare/{id}?by=subdistrict");
        Assert.Equal(6, compare.QuerySelectorAll("[data-testid=compare] tbody tr").Length);
        var (_, years) = await finance.GetAsync($"/Evaluation/Compare/{id}?by=year");
        Assert.Equal(["2021年", "2022年", "2023年"], years.QuerySelectorAll("[data-testid=compare] tbody tr td:first-child").Select(td => td.TextContent));
        var (status, rows) = await finance.GetAsync($"/Evaluation/Rows?id={id}&metric={DataMetrics.InspectionCoverage}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("共 1592 条", rows.Body!.TextContent);
    }

    [Fact]
    public async Task Evidence_files_are_kept_with_an_expert_score_and_only_readers_of_the_evaluation_download_them()
    {
        var finance = await Browser.LoginAsync(app.Factory, "finance");
        var id = await DistrictEvaluationAsync(finance);
        var pdf = "%PDF-1.4 立项依据文件"u8.ToArray();

        async Task<HttpResponseMessage> PostAsync(string fileName)
        {
            var token = await Fixtures.TokenAsync(finance, $"/Evaluation/Detail/{id}");
            using var form = new MultipartFormDataContent
            {
                { new StringContent("A1-1"), "code" }, { new StringContent("2"), "score" }, { new StringContent("依据文件齐全"), "reason" },
                { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(pdf), "evidence", fileName },
            };
            return await finance.Client.PostAsync($"/Evaluation/Detail/{id}?handler=Score", form);
        }

        var refused = await finance.ReadAsync(await PostAsync("setup.exe"));
        Assert.Contains("佐证材料只接受", Fixtures.Errors(refused));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.Set<EvaluationScore>().AnyAsync(s => s.EvaluationId == id)));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync("立项批复.pdf")).StatusCode);
        var file = await Fixtures.QueryAsync(app.Factory, db => db.Set<EvaluationEvidence>().SingleAsync(f => f.EvaluationId == id));
        Assert.Equal("立项批复.pdf", file.FileName);
        var download = await finance.Client.GetAsync($"/Evaluation/Detail/{id}?handler=Evidence&fileId={file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());

        var community = await Browser.LoginAsync(app.Factory, "cs-ll");
        Assert.Equal(HttpStatusCode.NotFound, (await community.Client.GetAsync($"/Evaluation/Detail/{id}?handler=Evidence&fileId={file.Id}")).StatusCode);
    }
}
