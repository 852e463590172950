using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Tests.Infrastructure;

/// <summary>One cell as Excel would show it: its text or number, whether it is a number, and its number format.</summary>
public sealed record SheetCell(string Text, bool IsNumber, string? Format)
{
    public decimal Number => decimal.Parse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A downloaded .xlsx read with the Open XML SDK (what Excel reads), by sheet name and header text.</summary>
public sealed class Workbook : IDisposable
{
    // Built-in formats Excel knows without a numFmt element.
    private static readonly Dictionary<uint, string> BuiltIn = new() { [0] = "General", [1] = "0", [2] = "0.00", [9] = "0%", [10] = "0.00%" };
    private readonly SpreadsheetDocument _document;

    private Workbook(byte[] bytes) => _document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public static async Task<Workbook> DownloadAsync(Browser browser, string url)
    {
        var response = await browser.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExcelFile.ContentType, response.Content.Headers.ContentType!.MediaType);
        return new Workbook(await response.Content.ReadAsByteArrayAsync());
    }

    public IReadOnlyList<string> SheetNames =>
        _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    /// <summary>Every row of a sheet, the header row first.</summary>
    public IReadOnlyList<IReadOnlyList<SheetCell>> Rows(string sheetName)
    {
        var part = _document.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Row>().Select(r => (IReadOnlyList<SheetCell>)r.Elements<Cell>().Select(Read).ToList()).ToList();
    }

    /// <summary>The cells of a column, keyed by the text of the row's first cell (or of the column named by <paramref name="key"/>).</summary>
    public Dictionary<string, SheetCell> Column(string sheetName, string header, string? key = null)
    {
        var rows = Rows(sheetName);
        var headers = rows[0].Select(c => c.Text).ToList();
        int IndexOf(string name)
        {
            var i = headers.IndexOf(name);
            Assert.True(i >= 0, $"no column {name} in {sheetName}: {string.Join(", ", headers)}");
            return i;
        }
        var (index, keyIndex) = (IndexOf(header), key is null ? 0 : IndexOf(key));
        return rows.Skip(1).ToDictionary(r => r[keyIndex].Text, r => r[index]);
    }

    private SheetCell Read(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            raw = _document.WorkbookPart!.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(raw, System.Globalization.CultureInfo.InvariantCulture)).InnerText;
        var isNumber = type is null || type == CellValues.Number;
        return new SheetCell(raw, isNumber, FormatOf(cell));
    }

    private string? FormatOf(Cell cell)
    {
        if (cell.StyleIndex is null) return BuiltIn[0];
        var styles = _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var format = (CellFormat)styles.CellFormats!.ElementAt((int)cell.StyleIndex.Value);
        var id = format.NumberFormatId?.Value ?? 0;
        return styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId?.Value == id)?.FormatCode?.Value
            ?? BuiltIn.GetValueOrDefault(id);
    }

    public void Dispose() => _document.Dispose();
}
