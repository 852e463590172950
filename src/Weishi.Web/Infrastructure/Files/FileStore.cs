using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Files;

/// <summary>
/// Files the application keeps (residents' photos, uploaded import files, job results) under the data folder.
/// Callers only ever get and pass relative paths the store made itself, so no user text reaches the file system.
/// A file written during a post is deleted if the post does not keep what it saved (ADR 016): no file without its row.
/// </summary>
public sealed class FileStore(IConfiguration config, IWebHostEnvironment env, TimeProvider time, WeishiDbContext db, ILogger<FileStore> log)
{
    public string Root { get; } = Path.GetFullPath(config["Files:Root"] ?? Path.Combine(env.ContentRootPath, "data", "files"));

    public async Task<string> SaveAsync(string folder, string extension, Stream content, CancellationToken ct)
    {
        var month = Path.Combine(folder, time.GetUtcNow().ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture));
        var name = await SaveInAsync(FullPath(month), extension, content, ct);
        return Path.Combine(month, name).Replace('\\', '/');
    }

    /// <summary>
    /// Writes <paramref name="content"/> as a new file in <paramref name="directory"/>, a folder of the application's
    /// (under <see cref="Root"/> or one the configuration names), and returns the file's name, which the store makes.
    /// </summary>
    public async Task<string> SaveInAsync(string directory, string extension, Stream content, CancellationToken ct)
    {
        var name = Guid.NewGuid().ToString("N") + extension;
        var full = Path.Combine(directory, name);
        Directory.CreateDirectory(directory);
        DeleteIfRolledBack(full);
        await using var file = File.Create(full);
        await content.CopyToAsync(file, ct);
        return name;
    }

    /// <summary>A new empty file's path for a writer (job results).</summary>
    public string NewPath(string folder, string extension)
    {
        var relative = $"{folder}/{Guid.NewGuid():N}{extension}";
        var full = FullPath(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        DeleteIfRolledBack(full);
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

    /// <summary>Registered before the file is created, so a write that fails half way is deleted too.</summary>
    private void DeleteIfRolledBack(string full) => db.WhenRolledBack(() =>
    {
        try
        {
            File.Delete(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The refusal the user sees matters more than the orphan; the log tells the operator which file to remove.
            log.LogWarning(e, "Could not delete {File}, written by a post that was rolled back", full);
        }
    });
}
