using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Weishi.Web.Infrastructure.Web;

/// <summary>What every Excel download of the app is served as, and how its numbers are shown.</summary>
public static class ExcelFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Money (元 or 万元) with two decimals, as the pages show it: 4368.20, not 4368.2.</summary>
    public const string MoneyFormat = "0.00";

    /// <summary>An assessment score (考核得分) with two decimals, as the assessment pages show it: 97.80, not 97.8.</summary>
    public const string ScoreFormat = "0.00";

    /// <summary>A ratio kept as a number (0.0875) and shown as the pages show it (8.8%).</summary>
    public const string PercentFormat = "0.0%";

    /// <summary>
    /// Number formats for the named columns (of every sheet written with it); the cells stay numbers, so sums and
    /// charts work in Excel.
    /// </summary>
    public static OpenXmlConfiguration Formats(IEnumerable<string>? money = null, IEnumerable<string>? percent = null, IEnumerable<string>? scores = null) => new()
    {
        DynamicColumns = (money ?? []).Select(h => new DynamicExcelColumn(h) { Format = MoneyFormat })
            .Concat((percent ?? []).Select(h => new DynamicExcelColumn(h) { Format = PercentFormat }))
            .Concat((scores ?? []).Select(h => new DynamicExcelColumn(h) { Format = ScoreFormat }))
            .ToArray(),
    };
}
