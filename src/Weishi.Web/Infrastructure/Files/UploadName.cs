using System.Globalization;

namespace Weishi.Web.Infrastructure.Files;

/// <summary>
/// The name an upload is kept under: the client's file name without folders, shortened to fit its column. A phone or a
/// messaging app may send a name of any length; the upload is not refused for it. Every column holding an upload's name
/// is <see cref="MaxLength"/> long.
/// </summary>
public static class UploadName
{
    public const int MaxLength = 200;

    public static string Of(IFormFile file) => Fit(Path.GetFileName(file.FileName));

    /// <summary>
    /// The name itself when it has at most <paramref name="max"/> characters (counted as the database counts them, by
    /// code point), else its beginning and its extension. It is cut between user-perceived characters, so a surrogate
    /// pair or a character with its combining marks stays whole.
    /// </summary>
    public static string Fit(string name, int max = MaxLength)
    {
        if (Characters(name) <= max) return name;
        var extension = Path.GetExtension(name);
        // An "extension" that leaves no room for the name is not kept: the name is simply cut.
        if (Characters(extension) >= max / 2) extension = "";
        var stem = name[..^extension.Length];
        return Beginning(stem, max - Characters(extension)) + extension;
    }

    private static int Characters(string text) => text.EnumerateRunes().Count();

    private static string Beginning(string text, int max)
    {
        var length = 0;
        var characters = 0;
        while (length < text.Length)
        {
            var element = StringInfo.GetNextTextElementLength(text, length);
            var count = Characters(text.Substring(length, element));
            if (characters + count > max) break;
            length += element;
            characters += count;
        }
        // A single character with more combining marks than fit (not a real file name) is cut by code point instead.
        return length > 0 || text.Length == 0 ? text[..length] : string.Concat(text.EnumerateRunes().Take(max));
    }
}
