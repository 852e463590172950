using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Money;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Maintenance;

[RequestSizeLimit(4 * PhotoCheck.MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = 4 * PhotoCheck.MaxBytes + 1_000_000)]
public sealed class AssetModel(WeishiDbContext db) : PageModel
{
    public Asset Asset { get; private set; } = null!;
    public string? Error { get; private set; }
    public TimeProvider Time => db.Time;
    public InspectionSchedule.Intervals Schedule { get; private set; } = null!;
    /// <summary>Whether the forms show: the asset's community's staff (and the district); read-all roles only read.</summary>
    public bool CanWrite { get; private set; }
    public ILookup<int, int> PhotoIds { get; private set; } = Array.Empty<int>().ToLookup(x => x);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUpkeepAsync(int id, UpkeepBody body, string? bodyName, string? reserve, bool fromProgramme, string? address, int? life)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id);
        if (asset is null) return NotFound();
        if (!Enum.IsDefined(body)) return await FailAsync(id, "请选择管养主体类型");
        if (body != UpkeepBody.None && string.IsNullOrWhiteSpace(bodyName)) return await FailAsync(id, "请填写管养主体名称");
        var (fen, error) = string.IsNullOrWhiteSpace(reserve) ? (0L, null) : Money.ParseYuan(reserve);
        if (error is not null) return await FailAsync(id, "年度管养资金：" + error);
        if (life is not null && (life < 1 || life > 100)) return await FailAsync(id, "预计使用年限须在 1–100 年之间");
        if (bodyName?.Trim().Length > 120) return await FailAsync(id, "管养主体名称不能超过 120 字");
        if (address?.Trim().Length > 200) return await FailAsync(id, "地址不能超过 200 字");
        asset.UpkeepBody = body;
        asset.UpkeepBodyName = body == UpkeepBody.None ? null : bodyName!.Trim();
        asset.YearlyReserveFen = fen ?? 0;
        asset.ReserveFromProgramme = fromProgramme;
        asset.Address = string.IsNullOrWhiteSpace(address) ? asset.Address : address.Trim();
        if (life is not null) asset.ExpectedLifeYears = life.Value;
        await db.SaveChangesAsync();
        TempData["Message"] = "管养信息已保存";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCoordinatesAsync(int id, string? latitude, string? longitude)
    {
        var asset = await db.Assets.FirstOrDefaultAsync(a => a.Id == id);
        if (asset is null) return NotFound();
        var (lat, lng, error) = Coordinates.Parse(latitude, longitude);
        if (error is not null) return await FailAsync(id, error);
        asset.Latitude = lat;
        asset.Longitude = lng;
        await db.SaveChangesAsync();
        TempData["Message"] = lat is null ? "已清除坐标" : "坐标已保存";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostRecordAsync(int id, AssetRecordKind kind, DateOnly? on, string? defects, string? cost, List<IFormFile>? photos)
    {
        var asset = await db.Assets.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (asset is null) return NotFound();
        if (AssetRecordRules.Validate(asset, kind, on, defects, ChinaDate.Today(db.Time)) is { } invalid) return await FailAsync(id, invalid);
        var (fen, error) = string.IsNullOrWhiteSpace(cost) ? (0L, null) : Money.ParseYuan(cost);
        if (error is not null) return await FailAsync(id, "费用：" + error);
        var record = new AssetRecord { AssetId = id, Kind = kind, On = on!.Value, Defects = defects?.Trim() is { Length: > 0 } d ? d : null, CostFen = fen ?? 0, RecordedBy = db.Scope.UserName };
        foreach (var file in photos ?? [])
        {
            var (photo, photoError) = await PhotoCheck.ReadAsync(file, HttpContext.RequestAborted);
            if (photoError is not null) return await FailAsync(id, photoError);
            record.Photos.Add(photo!);
        }
        db.AssetRecords.Add(record);
        await db.SaveChangesAsync();
        TempData["Message"] = $"{AssetNames.Record(kind)}记录已保存";
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnGetPhotoAsync(int id, int photoId)
    {
        var photo = await db.AssetPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId && p.Record!.AssetId == id);
        return photo is null ? NotFound() : File(photo.Content, photo.ContentType);
    }

    private async Task<IActionResult> FailAsync(int id, string message)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id)) return NotFound();
        Error = message;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var asset = await db.Assets.AsNoTracking().Include(a => a.Region).Include(a => a.Project)
            .Include(a => a.Records).FirstOrDefaultAsync(a => a.Id == id);
        if (asset is null) return false;
        Asset = asset;
        CanWrite = db.Scope.CanWrite(asset.RegionId);
        Schedule = await InspectionSchedule.LoadAsync(db, HttpContext.RequestAborted);
        PhotoIds = (await db.AssetPhotos.AsNoTracking().Where(p => p.Record!.AssetId == id).Select(p => new { p.Id, p.AssetRecordId }).ToListAsync())
            .ToLookup(p => p.AssetRecordId, p => p.Id);
        return true;
    }
}
