using System.Text.RegularExpressions;

namespace Weishi.Web.Features.CostBenchmarking;

/// <summary>
/// The function a project serves, from its name: the community's name and a "（第二期）" suffix removed,
/// so 碧岭长者智能手机培训班 and 汤坑长者智能手机培训班（第二期） are one function.
/// </summary>
public static partial class FunctionKey
{
    public static string Of(string name, string? communityShortName)
    {
        var n = name.Trim();
        if (!string.IsNullOrEmpty(communityShortName))
        {
            var bare = communityShortName.EndsWith("社区", StringComparison.Ordinal) ? communityShortName[..^2] : communityShortName;
            foreach (var prefix in new[] { bare + "社区", bare })
                if (bare.Length > 0 && n.StartsWith(prefix, StringComparison.Ordinal)) { n = n[prefix.Length..]; break; }
        }
        n = Suffix().Replace(n, "");
        n = n.Replace("社区", "", StringComparison.Ordinal).Trim();
        return n.Length > 60 ? n[..60] : n;
    }

    [GeneratedRegex(@"[（(][^）)]*[）)]\s*$")]
    private static partial Regex Suffix();
}
