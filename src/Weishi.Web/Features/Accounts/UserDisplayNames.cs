using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Accounts;

/// <summary>
/// Who did something, as people read it. Records keep the login name (what <see cref="UserScope.UserName"/> holds when
/// they are written); pages show the account's display name instead, the application itself as 系统, and anything
/// else (已删除的账号, 演示数据, 系统预置) as stored.
/// </summary>
public static class UserDisplayNames
{
    public const string SystemName = "系统";
    private const string CacheKey = "Weishi.UserDisplayNames";

    /// <summary>Login name → display name of every account, read once per request.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(WeishiDbContext db, HttpContext? http, CancellationToken ct = default)
    {
        if (http?.Items[CacheKey] is IReadOnlyDictionary<string, string> cached) return cached;
        // Display names of staff accounts are not personal data of residents: every signed-in page may show them.
        var names = await db.Users.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.UserName != null)
            .Select(u => new { u.UserName, u.DisplayName })
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase, ct);
        if (http is not null) http.Items[CacheKey] = names;
        return names;
    }

    public static string Of(string? login, IReadOnlyDictionary<string, string> names) =>
        string.IsNullOrWhiteSpace(login) ? ""
        : login == UserScope.System.UserName ? SystemName
        : names.TryGetValue(login, out var name) && !string.IsNullOrWhiteSpace(name) ? name
        : login;

    /// <summary>Login names whose account's display name contains <paramref name="text"/> (to filter records by either).</summary>
    public static IReadOnlyList<string> LoginsMatching(string text, IReadOnlyDictionary<string, string> names)
    {
        var list = names.Where(n => n.Value.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(n => n.Key).ToList();
        if (SystemName.Contains(text, StringComparison.Ordinal)) list.Add(UserScope.System.UserName);
        return list;
    }
}
