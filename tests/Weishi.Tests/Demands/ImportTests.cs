using System.Net;
using System.Net.Http.Json;
using System.Text;
using MiniExcelLibs;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;
using static Weishi.Tests.Demands.DemandHelpers;

namespace Weishi.Tests.Demands;

/// <summary>Imports from the hotline system: mapping, encodings, duplicates, all-or-nothing with an error report, the API key.</summary>
[Collection(DemoCollection.Name)]
public class ImportTests(DemoApp app)
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string HotlineCsv(string prefix, params string[] rows) =>
        "工单编号,受理时间,诉求内容,诉求地址,类别,备注\r\n" + string.Join("\r\n", rows.Select((r, i) => r.Replace("{n}", $"{prefix}-{i}"))) + "\r\n";

    private async Task<string> ResultTextAsync(Browser browser, Job job)
    {
        var response = await browser.Client.GetAsync($"/Jobs/Detail/{job.Id}?handler=Result");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_hotline_csv_is_imported_with_its_mapping_and_a_second_import_adds_nothing()
    {
        var prefix = Marker();
        var csv = HotlineCsv(prefix,
            "{n},2025-09-03 09:15,六联社区某花园路面坑洼，雨天积水 " + prefix + ",坪山街道六联社区某花园,市政,",
            "{n},2025/9/4 18:00,\"希望增设充电桩，方便电动车\"\"安全\"\"充电 " + prefix + "\",坪山区坪山街道六和社区,交通,备注会被忽略");
        var district = await Browser.LoginAsync(app.Factory, "district");
        var job = await ImportAsync(app.Factory, district, Encoding.UTF8.GetBytes(csv), "hotline.csv");
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Contains("新增 2 条", job.Message);

        var first = (await DemandByCaseAsync(app.Factory, prefix + "-0"))!;
        Assert.Equal(DemandChannel.Hotline, first.Channel);
        Assert.Equal(await TestData.RegionIdAsync(app.Factory, LiuLian), first.RegionId);
        Assert.Equal(new DateTime(2025, 9, 3, 1, 15, 0, DateTimeKind.Utc), first.SubmittedAtUtc);   // 09:15 Beijing time
        Assert.Equal("市政", first.Category);
        var second = (await DemandByCaseAsync(app.Factory, prefix + "-1"))!;
        Assert.Equal(await TestData.RegionIdAsync(app.Factory, LiuHe), second.RegionId);
        Assert.Contains("\"安全\"", second.Text);

        var again = await ImportAsync(app.Factory, district, Encoding.UTF8.GetBytes(csv), "hotline.csv");
        Assert.Equal(JobStatus.Succeeded, again.Status);
        Assert.Contains("新增 0 条", again.Message);
        Assert.Contains("跳过已存在的 2 条", again.Message);
        Assert.Equal(2, (await DemandsContainingAsync(app.Factory, prefix)).Count);
    }

    [Fact]
    public async Task A_file_with_bad_rows_imports_nothing_and_the_error_report_lists_row_column_and_problem()
    {
        var prefix = Marker();
        var csv = HotlineCsv(prefix,
            "{n},2025-09-03 09:15,一条完全正确的诉求 " + prefix + ",六联社区,,",
            "{n},昨天下午,时间写错了的诉求 " + prefix + ",六联社区,,",
            ",2025-09-03,缺少案件编号的诉求 " + prefix + ",六联社区,,",
            "{n},2025-09-03,,六联社区,,",
            "{n},2025-09-03,地点不明的诉求 " + prefix + ",深圳某地,,");
        var district = await Browser.LoginAsync(app.Factory, "district");
        var job = await ImportAsync(app.Factory, district, Encoding.UTF8.GetBytes(csv), "bad.csv");
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("未导入任何数据", job.Message);
        Assert.Empty(await DemandsContainingAsync(app.Factory, prefix));
        Assert.Null(await DemandByCaseAsync(app.Factory, prefix + "-0"));

        var report = await ResultTextAsync(district, job);
        var lines = report.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Concat([]).SelectMany(l => l.Split('\n')).Where(l => l.Length > 0).ToList();
        Assert.Equal("行号,列,问题", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("3,诉求时间,无法识别的时间「昨天下午」", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("4,案件编号,案件编号不能为空", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5,诉求内容,需求内容不能为空", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("6,地点,无法确定所属社区", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("2,", StringComparison.Ordinal));

        var (_, page) = await district.GetAsync($"/Jobs/Detail/{job.Id}");
        Assert.Equal("Failed", page.QuerySelector("[data-testid=job-progress]")!.GetAttribute("data-status"));
        Assert.NotNull(page.QuerySelector("[data-testid=job-result]"));
    }

    [Fact]
    public async Task A_case_number_repeated_in_the_file_is_stored_once_and_a_bad_last_row_rolls_back_every_row_before_it()
    {
        var prefix = Marker();
        var good = Enumerable.Range(0, 300).Select(i => "{n},2025-09-03 09:15,正确的诉求第" + i + "条 " + prefix + ",六联社区,,").ToList();
        var bad = await ImportAsync(app.Factory, await Browser.LoginAsync(app.Factory, "district"),
            Encoding.UTF8.GetBytes(HotlineCsv(prefix, [.. good, "{n},2025-09-03 09:15,地点不明的诉求 " + prefix + ",深圳某地,,"])), "late-bad.csv");
        Assert.Equal(JobStatus.Failed, bad.Status);
        Assert.Empty(await DemandsContainingAsync(app.Factory, prefix));

        var twice = HotlineCsv(prefix,
            prefix + "-dup,2025-09-03 09:15,第一次出现的工单 " + prefix + ",六联社区,,",
            prefix + "-dup,2025-09-04 09:15,同一工单再次出现 " + prefix + ",六联社区,,",
            "{n},2025-09-05 09:15,另一条工单 " + prefix + ",六联社区,,");
        var job = await ImportAsync(app.Factory, await Browser.LoginAsync(app.Factory, "district"), Encoding.UTF8.GetBytes(twice), "twice.csv");
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Contains("新增 2 条", job.Message);
        Assert.Contains("跳过已存在的 1 条", job.Message);
        Assert.Equal(2, (await DemandsContainingAsync(app.Factory, prefix)).Count);
    }

    [Fact]
    public async Task A_GBK_encoded_file_from_a_government_system_is_detected_and_read()
    {
        var prefix = Marker();
        var csv = HotlineCsv(prefix, "{n},2025-09-05 10:00,老旧小区加装扶手，方便老人上下楼 " + prefix + ",碧岭街道六联社区,适老化,");
        var gbk = Encoding.GetEncoding("GBK").GetBytes(csv);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(gbk));
        var district = await Browser.LoginAsync(app.Factory, "district");
        var job = await ImportAsync(app.Factory, district, gbk, "gbk.csv");
        Assert.Equal(JobStatus.Succeeded, job.Status);
        var stored = (await DemandByCaseAsync(app.Factory, prefix + "-0"))!;
        Assert.StartsWith("老旧小区加装扶手，方便老人上下楼", stored.Text);
        Assert.Equal("适老化", stored.Category);
    }

    [Fact]
    public async Task A_paper_questionnaire_batch_is_imported_from_the_Excel_template()
    {
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var template = await staff.Client.GetAsync("/Demands/Import?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var headers = MiniExcel.Query(await template.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().First().Keys;
        Assert.Contains(ImportColumns.Text, headers);

        var prefix = Marker();
        var rows = new[]
        {
            new Dictionary<string, object> { ["诉求时间"] = "2025-10-01", ["诉求内容"] = "问卷：希望开设老年大学课程 " + prefix, ["社区"] = "六联", ["年龄段"] = "60 岁及以上", ["居民类型"] = "来深建设者" },
            new Dictionary<string, object> { ["诉求时间"] = "2025-10-02", ["诉求内容"] = "问卷：希望增加篮球场开放时间 " + prefix, ["社区"] = "440310001001", ["年龄段"] = "", ["居民类型"] = "" },
        };
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows);
        var job = await ImportAsync(app.Factory, staff, stream.ToArray(), "问卷.xlsx", channel: "Paper");
        Assert.True(job.Status == JobStatus.Succeeded, job.Message + (job.ResultPath is null ? "" : await ResultTextAsync(staff, job)));
        var stored = await DemandsContainingAsync(app.Factory, prefix);
        Assert.Equal(2, stored.Count);
        Assert.All(stored, d => Assert.Equal(DemandChannel.Paper, d.Channel));
        Assert.Contains(stored, d => d.AgeBand == AgeBand.From60 && d.ResidentType == ResidentType.Migrant);
    }

    [Fact]
    public async Task Community_staff_cannot_import_needs_of_another_community()
    {
        var prefix = Marker();
        var csv = HotlineCsv(prefix, "{n},2025-09-03 09:15,别的社区的诉求 " + prefix + ",六和社区,,");
        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var job = await ImportAsync(app.Factory, staff, Encoding.UTF8.GetBytes(csv), "other.csv");
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("不在您的管辖范围", await ResultTextAsync(staff, job));
        Assert.Empty(await DemandsContainingAsync(app.Factory, prefix));
        // Another user cannot see the job or its report.
        var other = await Browser.LoginAsync(app.Factory, "cs-lh");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Jobs/Detail/{job.Id}")).Status);
    }

    [Fact]
    public async Task A_file_that_is_not_CSV_or_Excel_is_refused_at_once()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var response = await district.PostMultipartAsync("/Demands/Import", new() { ["Channel"] = "Hotline" }, ("Upload", "photo.csv", TinyPng));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("不是 CSV 或 Excel", Parser.ParseDocument(response.Text()).QuerySelector("[data-testid=form-error]")!.TextContent);
    }

    [Fact]
    public async Task A_file_missing_a_required_column_is_refused_with_the_column_named()
    {
        var district = await Browser.LoginAsync(app.Factory, "district");
        var job = await ImportAsync(app.Factory, district, Encoding.UTF8.GetBytes("编号,内容\r\n1,没有时间列的诉求内容\r\n"), "cols.csv");
        Assert.Equal(JobStatus.Failed, job.Status);
        var report = await ResultTextAsync(district, job);
        Assert.Contains("1,案件编号,缺少必需的列", report);
        Assert.Contains("1,诉求时间,缺少必需的列", report);
    }

    [Fact]
    public async Task The_API_needs_the_key_and_imports_all_or_nothing_without_duplicates()
    {
        var client = app.Factory.CreateClient();
        var prefix = Marker();
        var body = new ImportApi.Request(
        [
            new(prefix + "-1", "2025-09-10 08:00", "接口导入：路口缺少减速带 " + prefix, "六联社区", null, "交通"),
            new(prefix + "-2", "2025-09-10 09:00", "接口导入：公园缺少公厕 " + prefix, null, "六和", null),
        ]);

        var noKey = await client.PostAsJsonAsync("/api/v1/demands:import", body);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands:import") { Content = JsonContent.Create(body) };
        wrong.Headers.Add("X-Api-Key", WeishiAppFactory.ApiKey + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
        Assert.Empty(await DemandsContainingAsync(app.Factory, prefix));

        async Task<HttpResponseMessage> Send(object payload)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands:import") { Content = JsonContent.Create(payload) };
            request.Headers.Add("X-Api-Key", WeishiAppFactory.ApiKey);
            return await client.SendAsync(request);
        }
        var ok = await Send(body);
        Assert.True(ok.StatusCode == HttpStatusCode.OK, ok.Text());
        Assert.Contains("\"imported\":2", ok.Text());
        var again = await Send(body);
        Assert.Contains("\"imported\":0", again.Text());
        Assert.Contains("\"skipped\":2", again.Text());
        Assert.Equal(2, (await DemandsContainingAsync(app.Factory, prefix)).Count);

        var badPrefix = Marker();
        var bad = await Send(new ImportApi.Request(
        [
            new(badPrefix + "-1", "2025-09-10", "接口导入：正确的一条 " + badPrefix, null, "六联", null),
            new(badPrefix + "-2", "not a time", "接口导入：时间错误 " + badPrefix, null, "六联", null),
        ]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("无法识别的时间", bad.Text());
        Assert.Empty(await DemandsContainingAsync(app.Factory, badPrefix));
    }

    [Fact]
    public void Only_real_image_bytes_count_as_images()
    {
        Assert.Equal(".png", ImageCheck.Detect(TinyPng));
        Assert.Equal(".jpg", ImageCheck.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]));
        Assert.Null(ImageCheck.Detect("GIF8"u8));
        Assert.Null(ImageCheck.Detect("<svg onload=alert(1)>"u8));
        Assert.False(ImportApi.KeyMatches("secret", "secreT"));
        Assert.False(ImportApi.KeyMatches("", ""));
        Assert.True(ImportApi.KeyMatches("secret", "secret"));
    }
}
