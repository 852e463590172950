namespace Weishi.Web.Infrastructure.Files;

/// <summary>
/// Files the application keeps (residents' photos, uploaded import files, job results) under the data folder.
/// Callers only ever get and pass relative paths the store made itself, so no user text reaches the file system.
/// </summary>
public sealed class FileStore(IConfiguration config, IWebHostEnvironment env, TimeProvider time)
{
    public string Root { get; } = Path.GetFullPath(config["Files:Root"] ?? Path.Combine(env.ContentRootPath, "data", "files"));

    public async Task<string> SaveAsync(string folder, string extension, Stream content, CancellationToken ct)
    {
        var relative = Path.Combine(folder, time.GetUtcNow().ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture),
            Guid.NewGuid().ToString("N") + extension);
        var full = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using var file = File.Create(full);
        await content.CopyToAsync(file, ct);
        return relative.Replace('\\', '/');
    }

    /// <summary>A new empty file's path for a writer (job results).</summary>
    public string NewPath(string folder, string extension)
    {
        var relative = $"{folder}/{Guid.NewGuid():N}{extension}";
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath(relative))!);
        return relative;
    }

    public string FullPath(string relative)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("path outside the file store");
        return full;
    }

    public Stream OpenRead(string relative) => File.OpenRead(FullPath(relative));

    public bool Exists(string relative) => File.Exists(FullPath(relative));
}
