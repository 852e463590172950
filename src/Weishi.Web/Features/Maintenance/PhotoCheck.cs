using Weishi.Web.Infrastructure.Files;

namespace Weishi.Web.Features.Maintenance;

/// <summary>Inspection photos: the same formats, detection and limit as every photo upload (<see cref="ImageCheck"/>).</summary>
public static class PhotoCheck
{
    public const int MaxBytes = (int)ImageCheck.MaxBytes;

    /// <summary>The content type when the bytes are an allowed image, else null.</summary>
    public static string? ImageType(ReadOnlySpan<byte> head) => ImageCheck.DetectContentType(head);

    public static async Task<(AssetPhoto? Photo, string? Error)> ReadAsync(IFormFile file, CancellationToken ct)
    {
        var name = UploadName.Of(file);
        var (bytes, extension, error) = await ImageCheck.ReadAsync(file, ct);
        return error is null
            ? (new AssetPhoto { FileName = name, ContentType = ImageCheck.ContentType(extension!), Content = bytes! }, null)
            : (null, $"“{name}”：{error}");
    }
}
