namespace Weishi.Web.Features.Contractors;

/// <summary>
/// 统一社会信用代码 per GB 32100-2015: 18 characters over a 31-symbol alphabet (no I, O, Z, S, V),
/// the last one a check character computed from the first 17 with fixed weights modulo 31.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Returns null when valid, else the reason in Chinese.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return "请填写统一社会信用代码";
        code = Normalize(code);
        if (code.Length != 18) return "统一社会信用代码应为18位";
        foreach (var ch in code)
            if (!Alphabet.Contains(ch, StringComparison.Ordinal))
                return $"统一社会信用代码含有不允许的字符“{ch}”";
        var expected = CheckCharacter(code.AsSpan(0, 17));
        return code[17] == expected ? null : "统一社会信用代码校验位不正确，请核对";
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    public static string Normalize(string code) => code.Trim().ToUpperInvariant();

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}
