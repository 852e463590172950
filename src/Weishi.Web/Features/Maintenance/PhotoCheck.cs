namespace Weishi.Web.Features.Maintenance;

/// <summary>Inspection photos: JPG, PNG or WebP by content, at most 5 MB.</summary>
public static class PhotoCheck
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The content type when the bytes are an allowed image, else null.</summary>
    public static string? ImageType(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return "image/jpeg";
        if (head.Length >= 4 && head[0] == 0x89 && head[1] == 0x50 && head[2] == 0x4E && head[3] == 0x47) return "image/png";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public static async Task<(AssetPhoto? Photo, string? Error)> ReadAsync(IFormFile file, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName);
        if (file.Length == 0) return (null, $"照片“{name}”是空文件");
        if (file.Length > MaxBytes) return (null, $"照片“{name}”超过 5 MB");
        using var ms = new MemoryStream();
        await file.CopyToAsync(ms, ct);
        var bytes = ms.ToArray();
        return ImageType(bytes) is { } type
            ? (new AssetPhoto { FileName = name, ContentType = type, Content = bytes }, null)
            : (null, $"照片“{name}”不是 JPG、PNG 或 WebP 图片");
    }
}
