using Weishi.Web.Infrastructure.Files;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Contractors.Admission;

/// <summary>
/// Keeps application documents as files in their own folder (data/files/contractor-documents by default), written by the
/// <see cref="FileStore"/>, so a document of a refused application is not kept either.
/// </summary>
public sealed class DocumentStore(IConfiguration config, IWebHostEnvironment env, FileStore files)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string ContentType, byte[][] Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".xlsx"] = (ExcelFile.ContentType, [[0x50, 0x4B, 0x03, 0x04]]),
    };

    public string Folder => config["Contractors:DocumentsPath"] is { Length: > 0 } p
        ? p : Path.Combine(env.ContentRootPath, "data", "files", "contractor-documents");

    /// <summary>Null when the file may be stored, else the reason in Chinese.</summary>
    public static async Task<string?> ValidateAsync(IFormFile file, CancellationToken ct)
    {
        var name = Path.GetFileName(file.FileName);
        if (file.Length == 0) return $"文件“{name}”是空文件";
        if (file.Length > MaxBytes) return $"文件“{name}”超过 10 MB";
        if (!Allowed.TryGetValue(Path.GetExtension(name), out var kind))
            return $"文件“{name}”的类型不支持，请上传 PDF、JPG、PNG、DOCX 或 XLSX";
        var head = new byte[8];
        await using var s = file.OpenReadStream();
        var read = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        return kind.Magic.Any(m => read >= m.Length && head.AsSpan(0, m.Length).SequenceEqual(m))
            ? null : $"文件“{name}”的内容与扩展名不符";
    }

    /// <summary>The content type the allow-list gives a validated file's name (never the one the browser claimed).</summary>
    public static string ContentType(string fileName) => Allowed[Path.GetExtension(fileName)].ContentType;

    public async Task<ApplicationDocument> SaveAsync(IFormFile file, DateTime nowUtc, CancellationToken ct)
    {
        var ext = Path.GetExtension(file.FileName).ToLowerInvariant();
        string stored;
        await using (var content = file.OpenReadStream())
            stored = await files.SaveInAsync(Folder, ext, content, ct);
        return new ApplicationDocument
        {
            FileName = UploadName.Of(file),
            StoredName = stored,
            ContentType = ContentType(ext),
            SizeBytes = file.Length,
            UploadedAtUtc = nowUtc,
        };
    }

    public Stream Open(ApplicationDocument doc) => File.OpenRead(Path.Combine(Folder, Path.GetFileName(doc.StoredName)));
}
