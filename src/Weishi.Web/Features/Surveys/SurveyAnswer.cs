using System.Text.RegularExpressions;

namespace Weishi.Web.Features.Surveys;

/// <summary>What a participant posts; Validate lists every problem in Chinese (nothing is saved while any remain).</summary>
public sealed partial class SurveyAnswer
{
    public int? Overall { get; set; }
    public int? MetNeed { get; set; }
    public bool? WouldJoinAgain { get; set; }
    public bool? KnewBefore { get; set; }
    public string? Comment { get; set; }
    /// <summary>Scores on the survey's targeted questions, by question id.</summary>
    public Dictionary<int, int?> Items { get; set; } = [];

    public const int MaxComment = 500;

    public List<string> Validate(IReadOnlyList<(int Id, string Text)>? targeted = null)
    {
        var errors = new List<string>();
        Scale(Overall, "总体满意度", errors);
        Scale(MetNeed, "“是否满足您的需求”", errors);
        if (WouldJoinAgain is null) errors.Add("请回答“是否愿意再次参加”");
        if (KnewBefore is null) errors.Add("请回答“参加前是否听说过民生微实事”");
        foreach (var (id, text) in targeted ?? [])
            Scale(Items.GetValueOrDefault(id), $"“{text}”的评分", errors);
        var comment = Comment?.Trim();
        if (!string.IsNullOrEmpty(comment))
        {
            if (comment.Length > MaxComment) errors.Add($"意见建议不能超过 {MaxComment} 字");
            if (Markup().IsMatch(comment)) errors.Add("意见建议中不能包含网页代码或脚本");
        }
        return errors;
    }

    private static void Scale(int? value, string label, List<string> errors)
    {
        if (value is null) errors.Add($"请选择{label}");
        else if (value is < 1 or > 5) errors.Add($"{label}只能选择 1 到 5 分");
    }

    [GeneratedRegex(@"<\s*/?\s*[a-z!]|javascript\s*:|on[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex Markup();
}
