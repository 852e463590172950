using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Jobs;
using static Weishi.Tests.Demands.DemandHelpers;

namespace Weishi.Tests.Demands;

/// <summary>Imported needs keep the date rule of the single need form: not before 2015-01-01, not after today (China time).</summary>
[Collection(DemoCollection.Name)]
public class ImportDateTests(DemoApp app)
{
    private static string HotlineCsv(string prefix, params string[] times) =>
        "工单编号,受理时间,诉求内容,社区\r\n"
        + string.Join("\r\n", times.Select((t, i) => $"{prefix}-{i},{t},小区路灯不亮，夜间出行不便 {prefix},六联社区")) + "\r\n";

    private static string Tomorrow() => DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_hotline_file_with_a_row_heard_before_2015_imports_nothing_and_names_the_row()
    {
        var prefix = Marker();
        var district = await Browser.LoginAsync(app.Factory, "district");
        var job = await ImportAsync(app.Factory, district, Encoding.UTF8.GetBytes(HotlineCsv(prefix, "2025-09-03 09:15", "2014-12-31 23:00", "2025-09-04 10:00")), "old.csv");
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("未导入任何数据", job.Message);
        Assert.Contains("第 3 行“诉求时间”，收集日期不能早于 2015-01-01", job.Message);
        Assert.Empty(await DemandsContainingAsync(app.Factory, prefix));
        var (_, page) = await district.GetAsync($"/Jobs/Detail/{job.Id}");
        Assert.Contains("第 3 行", page.QuerySelector("[data-testid=job-message]")!.TextContent);
    }

    [Fact]
    public async Task A_hotline_file_with_a_row_in_the_future_imports_nothing_and_names_the_row()
    {
        var prefix = Marker();
        var district = await Browser.LoginAsync(app.Factory, "district");
        var job = await ImportAsync(app.Factory, district, Encoding.UTF8.GetBytes(HotlineCsv(prefix, Tomorrow(), "2025-09-03 09:15")), "future.csv");
        Assert.Equal(JobStatus.Failed, job.Status);
        Assert.Contains("第 2 行“诉求时间”，收集日期不能晚于今天", job.Message);
        Assert.Empty(await DemandsContainingAsync(app.Factory, prefix));
    }

    [Fact]
    public async Task The_first_day_in_China_time_is_accepted_and_the_api_keeps_the_same_rule()
    {
        var prefix = Marker();
        var district = await Browser.LoginAsync(app.Factory, "district");
        // 00:30 on 1 January 2015 in Beijing is still 2014 in UTC: the date is the one the hotline printed.
        var job = await ImportAsync(app.Factory, district, Encoding.UTF8.GetBytes(HotlineCsv(prefix, "2015-01-01 00:30")), "first-day.csv");
        Assert.Equal(JobStatus.Succeeded, job.Status);
        Assert.Single(await DemandsContainingAsync(app.Factory, prefix));

        var api = Marker();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/demands:import")
        {
            Content = JsonContent.Create(new ImportApi.Request([new(api + "-1", "2014-06-01 08:00", "接口导入：路口缺少减速带 " + api, "六联社区", null, null)])),
        };
        request.Headers.Add("X-Api-Key", WeishiAppFactory.ApiKey);
        var response = await app.Factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.StartsWith("收集日期不能早于 2015-01-01", body.GetProperty("errors")[0].GetProperty("problem").GetString());
        Assert.Empty(await DemandsContainingAsync(app.Factory, api));
    }
}
