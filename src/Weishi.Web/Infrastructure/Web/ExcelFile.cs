namespace Weishi.Web.Infrastructure.Web;

/// <summary>What every Excel download of the app is served as.</summary>
public static class ExcelFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
