using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Delivery;

/// <summary>进度记录 of works and goods: what was delivered, how much, and where.</summary>
public sealed class ProgressModel(WeishiDbContext db) : PageModel
{
    public sealed class ProgressInput
    {
        public DateOnly? RecordedOn { get; set; }
        public string? Description { get; set; }
        public string? Quantity { get; set; }
        public string? Unit { get; set; }
        public string? Address { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
    }

    [BindProperty] public ProgressInput Input { get; set; } = new();
    public Project Project { get; private set; } = null!;
    /// <summary>China's today: the latest day the date picker offers for what has already happened.</summary>
    public DateOnly Today => ChinaDate.Today(db.Time);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public const int MaxPhotos = 9;

    public async Task<IActionResult> OnPostAsync(int id, List<IFormFile>? photos)
    {
        if (await LoadAsync(id) is { } refused) return refused;
        if (!DeliveryAccess.Records(Project)) ModelState.AddModelError("", "项目处于“实施中”时才能登记进度");
        if (Input.RecordedOn is null) ModelState.AddModelError("", "请填写日期");
        else if (Input.RecordedOn > Today) ModelState.AddModelError("", "进度日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(Input.Description)) ModelState.AddModelError("", "请填写进度内容");
        if (string.IsNullOrWhiteSpace(Input.Unit)) ModelState.AddModelError("", "请填写计量单位");
        if (!decimal.TryParse(Input.Quantity, NumberStyles.Number, CultureInfo.InvariantCulture, out var quantity))
            ModelState.AddModelError("", "数量应为数字");
        else if (quantity < 0) ModelState.AddModelError("", "数量不能为负数");
        var lat = Coordinate(Input.Latitude, -90, 90, "纬度");
        var lng = Coordinate(Input.Longitude, -180, 180, "经度");
        if (Project.Type == ProjectType.Works && string.IsNullOrWhiteSpace(Input.Address)) ModelState.AddModelError("", "工程类项目请填写施工地点");
        var evidence = await ReadPhotosAsync(photos ?? []);
        if (!ModelState.IsValid) return Page();
        var record = new ProgressRecord
        {
            ProjectId = id, RecordedOn = Input.RecordedOn!.Value, Description = Input.Description!.Trim(), Quantity = quantity,
            Unit = Input.Unit!.Trim(), Address = Input.Address?.Trim(), Latitude = lat, Longitude = lng,
        };
        db.ProgressRecords.Add(record);
        foreach (var (name, type, data) in evidence)
            db.EvidenceFiles.Add(new EvidenceFile
            {
                ProjectId = id, ProgressRecord = record, Kind = "进度照片", FileName = name, ContentType = type, Data = data,
                UploadedAtUtc = db.Time.GetUtcNow().UtcDateTime,
            });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = "进度已登记";
        return RedirectToPage("Index", new { id });
    }

    /// <summary>The same rules as every photo upload (<see cref="ImageCheck"/>), for each file of the record.</summary>
    private async Task<List<(string Name, string Type, byte[] Data)>> ReadPhotosAsync(List<IFormFile> photos)
    {
        var result = new List<(string, string, byte[])>();
        photos = photos.Where(p => p.Length > 0 || !string.IsNullOrEmpty(p.FileName)).ToList();
        if (photos.Count > MaxPhotos) ModelState.AddModelError("", $"每条进度记录最多上传 {MaxPhotos} 张照片");
        foreach (var photo in photos.Take(MaxPhotos))
        {
            var name = UploadName.Of(photo);
            var (data, extension, error) = await ImageCheck.ReadAsync(photo, HttpContext.RequestAborted);
            if (error is not null) ModelState.AddModelError("", $"“{name}”：{error}");
            else result.Add((name, ImageCheck.ContentType(extension!), data!));
        }
        return result;
    }

    private decimal? Coordinate(string? text, decimal min, decimal max, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        ModelState.AddModelError("", $"{name}应为 {min} 到 {max} 之间的数字");
        return null;
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, HttpContext.RequestAborted);
        if (project is null) return NotFound();
        if (!DeliveryAccess.Delivers(db.Scope, project)) return Forbid();
        Project = project;
        return null;
    }
}
