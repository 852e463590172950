using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Weishi.Web.Features.Demands;

/// <summary>Streams the rows of an uploaded CSV (UTF-8 or GBK/GB18030) or Excel (.xlsx) file, mapped to import fields.</summary>
public static class TabularReader
{
    public enum Kind { Csv, Xlsx, Unsupported }

    static TabularReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public const int HeadLength = 512;

    /// <summary>Decides from the first bytes (up to <see cref="HeadLength"/>), not the file name.</summary>
    public static Kind Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04) return Kind.Xlsx;
        // Text (UTF-8 or GBK) has no control bytes besides tab and line breaks; .xls, images, PDFs … do.
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n')) return Kind.Unsupported;
        return head.Length == 0 ? Kind.Unsupported : Kind.Csv;
    }

    /// <summary>UTF-8 when the start decodes strictly as UTF-8 (or has its BOM); otherwise GB18030, the superset of GBK.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF })) return new UTF8Encoding(false);
        var strict = new UTF8Encoding(false, true).GetDecoder();
        var chars = new char[head.Length + 4];
        try
        {
            strict.Convert(head, chars, flush: false, out _, out _, out _);   // flush=false: a character cut at the end is fine
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    public static IEnumerable<ImportRow> Read(Stream stream, Kind kind) => kind switch
    {
        Kind.Xlsx => ReadXlsx(stream),
        Kind.Csv => ReadCsv(stream),
        _ => throw new InvalidOperationException("unsupported file"),
    };

    private static IEnumerable<ImportRow> ReadXlsx(Stream stream)
    {
        var row = 1;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: true))
        {
            row++;
            var mapped = new Dictionary<string, string?>();
            foreach (var (header, value) in cells)
                if (ImportColumns.FieldOf(header) is { } field) mapped[field] = CellText(value);
            if (mapped.Values.All(string.IsNullOrWhiteSpace)) continue;
            yield return new ImportRow(row, mapped);
        }
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        DateTime dt => dt.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The header's fields in column order (null where a column is ignored).</summary>
    public static IReadOnlyList<string?> Headers(Stream stream, Kind kind)
    {
        if (kind == Kind.Xlsx)
        {
            var first = MiniExcel.Query(stream, useHeaderRow: false).FirstOrDefault() as IDictionary<string, object?>;
            return first?.Values.Select(v => ImportColumns.FieldOf(v?.ToString() ?? "")).ToList() ?? [];
        }
        using var reader = OpenText(stream);
        var header = ReadRecord(reader);
        return header?.Select(ImportColumns.FieldOf).ToList() ?? [];
    }

    private static IEnumerable<ImportRow> ReadCsv(Stream stream)
    {
        using var reader = OpenText(stream);
        var header = ReadRecord(reader);
        if (header is null) yield break;
        var fields = header.Select(ImportColumns.FieldOf).ToArray();
        var row = 1;
        while (ReadRecord(reader) is { } record)
        {
            row++;
            if (record.All(string.IsNullOrWhiteSpace)) continue;
            var mapped = new Dictionary<string, string?>();
            for (var i = 0; i < fields.Length && i < record.Count; i++)
                if (fields[i] is { } f) mapped[f] = record[i];
            yield return new ImportRow(row, mapped);
        }
    }

    private static StreamReader OpenText(Stream stream)
    {
        var head = new byte[64 * 1024];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Seek(0, SeekOrigin.Begin);
        return new StreamReader(stream, DetectEncoding(head.AsSpan(0, read)), detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
    }

    /// <summary>One RFC 4180 record (quoted fields may hold commas, quotes and line breaks); null at the end.</summary>
    private static List<string>? ReadRecord(TextReader reader)
    {
        var c = reader.Read();
        if (c == -1) return null;
        var fields = new List<string>();
        var sb = new StringBuilder();
        var quoted = false;
        while (true)
        {
            if (quoted)
            {
                if (c == -1) break;
                if (c == '"')
                {
                    if (reader.Peek() == '"') { sb.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else sb.Append((char)c);
            }
            else if (c == '"' && sb.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else if (c == '\n' || c == -1) break;
            else if (c != '\r') sb.Append((char)c);
            c = reader.Read();
        }
        fields.Add(sb.ToString());
        return fields;
    }
}
