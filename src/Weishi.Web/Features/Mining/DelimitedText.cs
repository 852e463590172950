using System.Text;

namespace Weishi.Web.Features.Mining;

/// <summary>
/// Minimal RFC 4180 reading and writing for comma- or tab-separated files: quoted fields may hold the
/// separator, doubled quotes and line breaks. Enough for the `mine` verb; no type inference.
/// </summary>
public static class DelimitedText
{
    public static char DetectSeparator(string path, string firstLine) =>
        path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) || (firstLine.Contains('\t') && !firstLine.Contains(','))
            ? '\t' : ',';

    public static List<List<string>> Parse(string content, char separator)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < content.Length && content[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else field.Append(c);
                continue;
            }
            if (c == '"' && field.Length == 0) { inQuotes = true; fieldStarted = true; }
            else if (c == separator) { row.Add(field.ToString()); field.Clear(); fieldStarted = true; }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n') i++;
                EndRow();
            }
            else { field.Append(c); fieldStarted = true; }
        }
        if (inQuotes) throw new FormatException("文件末尾有未闭合的引号");
        EndRow();
        return rows;

        void EndRow()
        {
            if (fieldStarted || field.Length > 0 || row.Count > 0)
            {
                row.Add(field.ToString());
                rows.Add(row);
            }
            row = [];
            field.Clear();
            fieldStarted = false;
        }
    }

    public static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    public static void WriteRow(TextWriter writer, IEnumerable<string> fields, char separator)
    {
        writer.Write(string.Join(separator, fields.Select(f => Quote(f, separator))));
        writer.Write("\r\n");
    }
}
