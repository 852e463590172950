using System.Globalization;
using System.Text;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Pipeline;
using Weishi.Web.Infrastructure.Cli;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// `mine FILE [--out OUT]`: classifies, deduplicates and extracts keywords for every row of a CSV/TSV
/// whose header names a `text` column; writes the rows back with four added columns.
/// </summary>
public static class MineFileCommand
{
    public static readonly string[] AddedColumns = ["category", "confidence", "duplicate_group", "keywords"];

    public static async Task<int> RunAsync(IServiceProvider sp, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
            throw new CliArgumentException("mine 需要输入文件：mine 文件.csv [--out 输出.csv]");
        var file = args[0];
        var options = CliArgs.Parse(args.Skip(1));
        options.AllowOnly("out");
        if (!File.Exists(file)) throw new CliArgumentException($"文件不存在：{file}");
        var output = options.Optional("out") ?? DefaultOutput(file);
        if (Path.GetFullPath(output) == Path.GetFullPath(file)) throw new CliArgumentException("输出文件不能与输入文件相同");

        string content;
        try { content = await File.ReadAllTextAsync(file, new UTF8Encoding(false, throwOnInvalidBytes: true)).ConfigureAwait(false); }
        catch (DecoderFallbackException)
        {
            Console.Error.WriteLine($"文件 {file} 不是 UTF-8 编码，请另存为 UTF-8 后再试");
            return 1;
        }
        var outputDirectory = Path.GetDirectoryName(Path.GetFullPath(output))!;
        if (!Directory.Exists(outputDirectory)) throw new CliArgumentException($"输出目录不存在：{outputDirectory}");
        var separator = DelimitedText.DetectSeparator(file, content.Split('\n', 2)[0]);
        List<List<string>> rows;
        try { rows = DelimitedText.Parse(content, separator); }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"无法读取 {file}：{ex.Message}");
            return 1;
        }
        if (rows.Count == 0)
        {
            Console.Error.WriteLine($"文件 {file} 是空的，第一行应为列名，并包含 text 列");
            return 1;
        }
        var header = rows[0];
        var textColumn = header.FindIndex(h => string.Equals(h.Trim(), "text", StringComparison.OrdinalIgnoreCase));
        if (textColumn < 0)
        {
            Console.Error.WriteLine($"文件 {file} 的第一行没有 text 列（现有列：{string.Join("、", header)}）");
            return 1;
        }
        var clashing = header.FirstOrDefault(h => AddedColumns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase));
        if (clashing is not null)
        {
            Console.Error.WriteLine($"文件 {file} 已有列“{clashing}”，请先删除或改名，以免覆盖");
            return 1;
        }

        var data = rows.Skip(1).ToList();
        var texts = data.Select(r => textColumn < r.Count ? r[textColumn] : "").ToList<string?>();
        var result = MiningPipeline.Default.Mine(texts, new MiningOptions());

        var tmp = output + ".tmp";
        await using (var writer = new StreamWriter(tmp, false, new UTF8Encoding(true)))
        {
            DelimitedText.WriteRow(writer, header.Concat(AddedColumns), separator);
            for (var i = 0; i < data.Count; i++)
            {
                var mined = result.Texts[i];
                var cells = data[i].Concat(Enumerable.Repeat("", Math.Max(0, header.Count - data[i].Count))).Take(Math.Max(header.Count, data[i].Count));
                DelimitedText.WriteRow(writer, cells.Concat([
                    Categories.ChineseName(mined.Category),
                    mined.Confidence.ToString("0.000", CultureInfo.InvariantCulture),
                    mined.DuplicateGroup < 0 ? "" : (mined.DuplicateGroup + 1).ToString(CultureInfo.InvariantCulture),
                    string.Join("、", mined.Keywords),
                ]), separator);
            }
        }
        File.Move(tmp, output, overwrite: true);
        var groups = result.Duplicates.Groups.Count;
        Console.WriteLine($"已分析 {data.Count} 条，疑似重复 {groups} 组，结果写入 {output}");
        return 0;
    }

    private static string DefaultOutput(string file) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, Path.GetFileNameWithoutExtension(file) + ".mined" + Path.GetExtension(file));
}
