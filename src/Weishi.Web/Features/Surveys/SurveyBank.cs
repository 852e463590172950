using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Surveys;

/// <summary>
/// A question of the district's bank. Core questions (overall, met need, join again, awareness) are asked in every
/// survey and stored in the answer sheet's own columns; targeted questions are 1–5 scales that apply to a project type
/// and/or category (null = any) and, where they fit only some projects of those (meals, hand-outs), to projects whose
/// name holds one of their keywords — together they form the template a project's survey is composed from.
/// </summary>
public class SurveyQuestion : IAudited
{
    public int Id { get; set; }
    /// <summary>Set for the core questions only (see <see cref="CoreQuestions"/>).</summary>
    public string? Code { get; set; }
    public required string Text { get; set; }
    public bool IsCore { get; set; }
    public ProjectType? ForType { get; set; }
    public ProjectCategory? ForCategory { get; set; }
    public bool Active { get; set; } = true;
    public int SortOrder { get; set; }
    /// <summary>
    /// Words separated by spaces or 、 of which the project's name must hold one (e.g. 饭堂 助餐 for the meal questions);
    /// null = every project of the type and category. The name, not the content: the name says what the project does,
    /// while a content text may mention a meal or a gift in passing.
    /// </summary>
    public string? NameKeywords { get; set; }

    public const int MaxKeywords = 100;

    public IReadOnlyList<string> Keywords => Split(NameKeywords);

    private static string[] Split(string? keywords) =>
        keywords?.Split([' ', '、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    /// <summary>Whether two keyword lists name the same words, however separated or ordered (饭堂、助餐 = 助餐 饭堂).</summary>
    public static bool SameKeywords(string? a, string? b) =>
        Split(a).ToHashSet(StringComparer.Ordinal).SetEquals(Split(b));

    /// <summary>Whether the question is in the template of a project of this type, category and name.</summary>
    public bool AppliesTo(ProjectType type, ProjectCategory category, string projectName) =>
        FitsTypeAndCategory(type, category) && FitsName(projectName);

    /// <summary>The type and category alone, as the template was before keywords (the demo draws its scores over it).</summary>
    public bool FitsTypeAndCategory(ProjectType type, ProjectCategory category) =>
        !IsCore && Active && (ForType is null || ForType == type) && (ForCategory is null || ForCategory == category);

    public bool FitsName(string projectName) => Keywords.Count == 0 || Keywords.Any(k => projectName.Contains(k, StringComparison.Ordinal));

    public string Scope => IsCore ? "核心题（所有问卷）"
        : (ForType is { } t ? ProjectNames.Type(t) : "各类型") + " · " + (ForCategory is { } c ? ProjectNames.Category(c) : "各类别")
          + (Keywords.Count > 0 ? " · 项目名称含“" + string.Join("/", Keywords) + "”" : "");
}

/// <summary>The core questions: their bank ids are fixed (seeded with the model) and they map to SurveyResponse's columns.</summary>
public static class CoreQuestions
{
    public const string Overall = "overall";
    public const string MetNeed = "met-need";
    public const string JoinAgain = "join-again";
    public const string KnewBefore = "knew-before";

    public static readonly SurveyQuestion[] Seed =
    [
        new() { Id = 1, Code = Overall, Text = "您对本项目的总体满意度", IsCore = true, SortOrder = 1 },
        new() { Id = 2, Code = MetNeed, Text = "本项目是否满足了您的需求", IsCore = true, SortOrder = 2 },
        new() { Id = 3, Code = JoinAgain, Text = "如再举办，您是否愿意再次参加", IsCore = true, SortOrder = 3 },
        new() { Id = 4, Code = KnewBefore, Text = "参加前您是否听说过“民生微实事”", IsCore = true, SortOrder = 4 },
    ];

    /// <summary>Meal questions fit only a 长者饭堂 / 助餐 project, not a smartphone class or an anti-fraud talk.</summary>
    public const string MealKeywords = "饭堂 食堂 助餐 送餐 配餐 用餐 就餐";
    /// <summary>Fairness of a hand-out fits goods given to residents, not a defibrillator or bins put up in the community.</summary>
    public const string HandOutKeywords = "发放 派发 配送 慰问 赠送 辅具 助行";

    /// <summary>A starting bank of targeted questions; the district edits it on /Surveys/Bank.</summary>
    public static readonly SurveyQuestion[] TargetedSeed =
    [
        new() { Id = 101, Text = "饭菜口味", ForType = ProjectType.Service, ForCategory = ProjectCategory.Elderly, NameKeywords = MealKeywords, SortOrder = 10 },
        new() { Id = 102, Text = "价格是否实惠", ForType = ProjectType.Service, ForCategory = ProjectCategory.Elderly, NameKeywords = MealKeywords, SortOrder = 11 },
        new() { Id = 103, Text = "送餐或服务是否准时", ForType = ProjectType.Service, ForCategory = ProjectCategory.Elderly, NameKeywords = MealKeywords, SortOrder = 12 },
        new() { Id = 111, Text = "工程质量", ForType = ProjectType.Works, SortOrder = 20 },
        new() { Id = 112, Text = "施工过程安全、文明", ForType = ProjectType.Works, SortOrder = 21 },
        new() { Id = 113, Text = "建成设施是否实用", ForType = ProjectType.Works, SortOrder = 22 },
        new() { Id = 121, Text = "服务人员是否专业、耐心", ForType = ProjectType.Service, SortOrder = 30 },
        new() { Id = 122, Text = "活动时间和地点安排是否方便", ForType = ProjectType.Service, SortOrder = 31 },
        new() { Id = 131, Text = "孩子是否喜欢本次活动", ForType = ProjectType.Service, ForCategory = ProjectCategory.Children, SortOrder = 40 },
        new() { Id = 141, Text = "物品质量", ForType = ProjectType.Goods, SortOrder = 50 },
        new() { Id = 142, Text = "发放过程是否公平公开", ForType = ProjectType.Goods, NameKeywords = HandOutKeywords, SortOrder = 51 },
    ];
}

/// <summary>A targeted question chosen for one project's survey (core questions are always asked and not listed).</summary>
public class SurveyItem : IProjectRecord, IAudited
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public Survey? Survey { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int QuestionId { get; set; }
    public SurveyQuestion? Question { get; set; }
}

/// <summary>One answer sheet's score (1–5) on one targeted question.</summary>
public class SurveyItemAnswer : IProjectRecord
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public SurveyResponse? Response { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public int QuestionId { get; set; }
    public int Score { get; set; }
}
