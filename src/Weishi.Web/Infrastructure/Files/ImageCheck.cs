namespace Weishi.Web.Infrastructure.Files;

/// <summary>Accepts a photo only when its first bytes say it is a JPEG, PNG, GIF or WebP image, whatever its name claims.</summary>
public static class ImageCheck
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>The file extension for the detected format, or null when the bytes are not an image we accept.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return ".jpg";
        if (head.Length >= 8 && head[..8].SequenceEqual<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ".png";
        if (head.Length >= 6 && (head[..6].SequenceEqual("GIF87a"u8) || head[..6].SequenceEqual("GIF89a"u8))) return ".gif";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ".webp";
        return null;
    }

    public static string ContentType(string path) => Path.GetExtension(path) switch
    {
        ".jpg" => "image/jpeg",
        ".png" => "image/png",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        _ => "application/octet-stream",
    };

    /// <summary>The content type of the detected image format, or null when the bytes are not an image we accept.</summary>
    public static string? DetectContentType(ReadOnlySpan<byte> head) => Detect(head) is { } ext ? ContentType(ext) : null;

    /// <summary>Reads the upload into memory (it is at most 5 MB) and checks it. Returns the Chinese reason on failure.</summary>
    public static async Task<(byte[]? Bytes, string? Extension, string? Error)> ReadAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0) return (null, null, "照片是空文件");
        if (file.Length > MaxBytes) return (null, null, "照片不能超过 5 MB");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var ext = Detect(bytes);
        return ext is null ? (null, null, "上传的文件不是图片（只接受 JPG、PNG、GIF、WebP 照片）") : (bytes, ext, null);
    }
}
