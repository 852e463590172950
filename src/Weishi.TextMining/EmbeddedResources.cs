using System.IO.Compression;
using System.Text;

namespace Weishi.TextMining;

/// <summary>Reads the data files compiled into this assembly (jieba dictionary, HMM, IDF, model).</summary>
internal static class EmbeddedResources
{
    public static bool Exists(string name) =>
        typeof(EmbeddedResources).Assembly.GetManifestResourceInfo("Weishi.TextMining." + name) is not null;

    public static TextReader OpenText(string name)
    {
        var stream = typeof(EmbeddedResources).Assembly.GetManifestResourceStream("Weishi.TextMining." + name)
            ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
        if (name.EndsWith(".gz", StringComparison.Ordinal))
            stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    public static IEnumerable<string> ReadLines(string name)
    {
        using var reader = OpenText(name);
        while (reader.ReadLine() is { } line) yield return line;
    }

    public static string ReadAll(string name)
    {
        using var reader = OpenText(name);
        return reader.ReadToEnd();
    }
}
