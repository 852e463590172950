namespace Weishi.Web.Infrastructure.Privacy;

/// <summary>居民身份证号码 per GB 11643-1999: 17 digits and a check character (0–9 or X) from weighted sum mod 11.</summary>
public static class IdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string Checks = "10X98765432";

    /// <summary>Returns null when valid, else the reason in Chinese.</summary>
    public static string? Validate(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return "请填写身份证号码";
        id = id.Trim().ToUpperInvariant();
        if (id.Length != 18) return "身份证号码应为 18 位";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(id[i])) return "身份证号码前 17 位应为数字";
        if (!DateOnly.TryParseExact(id.Substring(6, 8), "yyyyMMdd", out _)) return "身份证号码中的出生日期不正确";
        return id[17] == CheckCharacter(id.AsSpan(0, 17)) ? null : "身份证号码校验位不正确，请核对";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return Checks[sum % 11];
    }
}
