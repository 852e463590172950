using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Acceptance;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Projects;
using Xunit;

namespace Weishi.Tests.Delivery;

/// <summary>Evidence files and acceptance reports: only real raster images are shown inline, so an uploaded script never runs.</summary>
[Collection(DemoCollection.Name)]
public class EvidenceFileTests(DemoApp app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] Svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(document.cookie)\"></svg>"u8.ToArray();
    private static readonly byte[] Html = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();
    private static readonly byte[] Pdf = "%PDF-1.4\n%test report\n"u8.ToArray();

    private async Task<int> FileAsync(int project, string name, string claimedType, byte[] data) =>
        await Fixtures.QueryAsync(app.Factory, async db =>
        {
            var file = new EvidenceFile { ProjectId = project, Kind = "验收报告", FileName = name, ContentType = claimedType, Data = data, UploadedAtUtc = DateTime.UtcNow };
            db.EvidenceFiles.Add(file);
            await db.SaveChangesAsync();
            return file.Id;
        });

    private static void AssertDownload(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Only_real_raster_images_are_served_inline_whatever_type_the_upload_claimed()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043, status: ProjectStatus.Completed);
        var svg = await FileAsync(project, "报告.svg", "image/svg+xml", Svg);
        var htmlAsPng = await FileAsync(project, "照片.png", "image/png", Html);
        var html = await FileAsync(project, "报告.html", "text/html", Html);
        var png = await FileAsync(project, "现场.png", "application/octet-stream", Png);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);

        foreach (var id in new[] { svg, htmlAsPng, html })
            AssertDownload(await officer.Client.GetAsync($"/Delivery/File/{id}"));

        var image = await officer.Client.GetAsync($"/Delivery/File/{png}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType); // the detected type, not the stored claim
        Assert.Null(image.Content.Headers.ContentDisposition);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    private static async Task<HttpResponseMessage> AcceptAsync(Browser officer, int project, string fileName, string claimedType, byte[] data)
    {
        var url = $"/Acceptance/Record/{project}";
        var file = new ByteArrayContent(data);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(claimedType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await Fixtures.TokenAsync(officer, url)), "__RequestVerificationToken" },
            { new StringContent("2043-12-01"), "AcceptedOn" },
            { new StringContent("街道、社区、居民代表"), "Committee" },
            { new StringContent(nameof(AcceptanceResult.Passed)), "Result" },
            { file, "report", fileName },
        };
        return await officer.Client.PostAsync(url, form);
    }

    private Task<int> ReportFilesAsync(int project) =>
        Fixtures.QueryAsync(app.Factory, db => db.EvidenceFiles.CountAsync(f => f.ProjectId == project));

    [Fact]
    public async Task An_acceptance_report_is_checked_by_content_and_typed_by_the_allow_list_not_the_browser()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043, status: ProjectStatus.Completed);
        using var inYear = DeliveryData.LateInYear(app.Factory, 2043);
        var officer = await Browser.LoginAsync(app.Factory, DeliveryData.BiLingUser);

        var svg = await officer.ReadAsync(await AcceptAsync(officer, project, "report.svg", "image/svg+xml", Svg));
        Assert.Contains("验收报告：文件“report.svg”的类型不支持", Fixtures.Errors(svg));
        var posing = await officer.ReadAsync(await AcceptAsync(officer, project, "report.png", "image/png", Svg));
        Assert.Contains("验收报告：文件“report.png”的内容与扩展名不符", Fixtures.Errors(posing));
        Assert.Equal(0, await ReportFilesAsync(project));
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, project));

        var accepted = await AcceptAsync(officer, project, "验收报告.pdf", "text/html", Pdf);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = await Fixtures.QueryAsync(app.Factory, db => db.EvidenceFiles.SingleAsync(f => f.ProjectId == project));
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal(stored.Id, await Fixtures.QueryAsync(app.Factory, db => db.AcceptanceRecords.Where(a => a.ProjectId == project).Select(a => a.ReportFileId).SingleAsync()));
        AssertDownload(await officer.Client.GetAsync($"/Delivery/File/{stored.Id}"));
    }

    private sealed class RefuseAcceptance : IProjectStepGuard
    {
        public const string Reason = "测试：本次验收被拒绝";
        public Task<string?> CheckAsync(Project project, ProjectStatus to, string? comment, CancellationToken ct) =>
            Task.FromResult(to == ProjectStatus.Accepted ? Reason : null);
        public Task OnMovingAsync(Project project, ProjectStatus from, ProjectStatus to, string? comment, CancellationToken ct) => Task.CompletedTask;
    }

    [Fact]
    public async Task A_refused_acceptance_leaves_no_report_file_and_no_record()
    {
        var project = await DeliveryData.ProjectAsync(app.Factory, 2043, status: ProjectStatus.Completed);
        await using var refusing = app.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<IProjectStepGuard, RefuseAcceptance>()));
        using var inYear = DeliveryData.LateInYear(app.Factory, 2043);
        var officer = await Browser.LoginAsync(refusing, DeliveryData.BiLingUser);

        var refused = await officer.ReadAsync(await AcceptAsync(officer, project, "验收报告.pdf", "application/pdf", Pdf));
        Assert.Contains(RefuseAcceptance.Reason, Fixtures.Errors(refused));
        Assert.Equal(0, await ReportFilesAsync(project));
        Assert.False(await Fixtures.QueryAsync(app.Factory, db => db.AcceptanceRecords.AnyAsync(a => a.ProjectId == project)));
        Assert.Equal(ProjectStatus.Completed, await TestData.StatusAsync(app.Factory, project));
    }
}
