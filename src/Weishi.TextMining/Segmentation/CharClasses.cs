namespace Weishi.TextMining.Segmentation;

/// <summary>The character classes behind jieba.NET's regular expressions, as plain comparisons.</summary>
internal static class CharClasses
{
    /// <summary>jieba's <c>[\u4E00-\u9FD5]</c>.</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    /// <summary>jieba.NET's block class <c>[\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%·\-]</c>.</summary>
    public static bool IsBlockChar(char c) =>
        IsHan(c) || char.IsAsciiLetterOrDigit(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '·' or '-';

    /// <summary>Tokens that carry meaning for mining: not whitespace, punctuation or symbols.</summary>
    public static bool IsContent(ReadOnlySpan<char> token)
    {
        foreach (var c in token)
        {
            if (IsHan(c) || char.IsLetterOrDigit(c)) return true;
        }
        return false;
    }
}
