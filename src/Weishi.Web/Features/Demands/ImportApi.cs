using System.Security.Cryptography;
using System.Text;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demands;

/// <summary>
/// POST /api/v1/demands:import — system-to-system import from the 民生诉求 system. The caller sends the key from
/// configuration (Api:DemandImportKey) in the X-Api-Key header; the batch is all-or-nothing like file imports.
/// </summary>
public static class ImportApi
{
    public sealed record Item(string? CaseNumber, string? Time, string? Text, string? Location, string? Community, string? Category);

    public sealed record Request(List<Item>? Items);

    public static IEndpointRouteBuilder MapDemandImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/demands:import", HandleAsync).DisableAntiforgery().WithName("ImportDemands");
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpContext http, Request? body, IConfiguration config, IServiceProvider sp, CancellationToken ct)
    {
        if (!KeyMatches(config["Api:DemandImportKey"], http.Request.Headers["X-Api-Key"].ToString()))
            return Results.Json(new { error = "API 密钥缺失或不正确" }, statusCode: StatusCodes.Status401Unauthorized);
        if (body?.Items is not { Count: > 0 } items)
            return Results.Json(new { error = "请求中没有 items" }, statusCode: StatusCodes.Status400BadRequest);
        if (items.Count > 100_000)
            return Results.Json(new { error = "单次最多 100000 条，请分批提交" }, statusCode: StatusCodes.Status400BadRequest);

        var rows = items.Select((it, i) => new ImportRow(i + 1, new Dictionary<string, string?>
        {
            [ImportColumns.CaseNumber] = it.CaseNumber, [ImportColumns.Time] = it.Time, [ImportColumns.Text] = it.Text,
            [ImportColumns.Location] = it.Location, [ImportColumns.Community] = it.Community, [ImportColumns.Category] = it.Category,
        })).ToList();
        // The caller is a system, not a signed-in user: it writes with the application's own scope.
        await using var db = SystemContext(sp);
        var importer = new DemandImporter(db);
        var result = await importer.ImportAsync(() => rows, [ImportColumns.CaseNumber, ImportColumns.Time, ImportColumns.Text],
            new ImportOptions(DemandChannel.Hotline, null, null, "民生诉求系统接口"), null, null, ct);
        if (!result.Ok)
            return Results.Json(new
            {
                error = $"发现 {result.ErrorCount} 处问题，未导入任何数据",
                errors = result.Errors.Select(e => new { item = e.Row, field = e.Column, problem = e.Problem }),
            }, statusCode: StatusCodes.Status422UnprocessableEntity);
        return Results.Json(new { imported = result.Imported, skipped = result.Skipped });
    }

    /// <summary>Constant-time comparison (of fixed-length hashes, so the key's length leaks nothing either).</summary>
    public static bool KeyMatches(string? expected, string? given)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(given)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }

    public static WeishiDbContext SystemContext(IServiceProvider sp)
    {
        var type = sp.GetRequiredService<WeishiDbContext>().GetType();
        return (WeishiDbContext)ActivatorUtilities.CreateInstance(sp, type, new FixedScope(UserScope.System));
    }
}
