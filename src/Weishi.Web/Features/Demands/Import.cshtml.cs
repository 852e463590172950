using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Jobs;
using MiniExcel = MiniExcelLibs.MiniExcel;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

/// <summary>Upload of a hotline export or a paper-questionnaire batch; the import itself runs as a job.</summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel(WeishiDbContext db, FileStore files, JobRunner jobs) : PageModel
{
    public const long MaxUploadBytes = 512L * 1024 * 1024;
    public static readonly DemandChannel[] Channels = [DemandChannel.Hotline, DemandChannel.Paper, DemandChannel.Visit, DemandChannel.Meeting, DemandChannel.Phone];

    [BindProperty] public DemandChannel Channel { get; set; } = DemandChannel.Hotline;
    [BindProperty] public IFormFile? Upload { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public IActionResult OnGetTemplate()
    {
        var sample = new[]
        {
            new Dictionary<string, object?>
            {
                [ImportColumns.CaseNumber] = "", [ImportColumns.Time] = "2025-09-12 10:00", [ImportColumns.Text] = "希望小区增设老年人休息座椅",
                [ImportColumns.Location] = "六联社区某某花园", [ImportColumns.Community] = "六联", [ImportColumns.Category] = "养老",
                [ImportColumns.AgeBand] = "60 岁及以上", [ImportColumns.ResidentType] = "户籍居民",
            },
        };
        var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sample);
        stream.Position = 0;
        return File(stream, ExcelFile.ContentType, "居民需求导入模板.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Channels.Contains(Channel)) Error = "请选择来源渠道";
        else if (Upload is null || Upload.Length == 0) Error = "请选择要上传的 CSV 或 Excel 文件";
        else
        {
            var head = new byte[TabularReader.HeadLength];
            await using (var s = Upload.OpenReadStream())
            {
                var n = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                if (TabularReader.Detect(head.AsSpan(0, n)) == TabularReader.Kind.Unsupported)
                    Error = "文件不是 CSV 或 Excel（.xlsx）文件。旧版 .xls 请在 Excel 中另存为 .xlsx 后上传。";
            }
        }
        if (Error is not null) return Page();

        var scope = db.Scope;
        var fileName = UploadName.Of(Upload!);
        await using var upload = Upload!.OpenReadStream();
        var path = await files.SaveAsync("imports", ".upload", upload, ct);
        var parameters = new DemandImportJob.Parameters(Channel, scope.WriteAll ? null : scope.RegionIds, scope.UserId,
            User.FindFirst(ScopeClaims.DisplayName)?.Value ?? scope.UserName, fileName);
        var id = await jobs.EnqueueAsync(db, DemandImportJob.Create(parameters, path), ct);
        return Redirect($"/Jobs/Detail/{id}");
    }
}
