namespace Weishi.TextMining.Classification;

/// <summary>Codes of the need categories; <see cref="OutOfScope"/> needs are referred to other departments.</summary>
public static class Categories
{
    public const string Elderly = "elderly";
    public const string Children = "children";
    public const string Assistance = "assistance";
    public const string Culture = "culture";
    public const string Education = "education";
    public const string Environment = "environment";
    public const string Safety = "safety";
    public const string Health = "health";
    public const string Convenience = "convenience";
    public const string Migrant = "migrant";
    public const string OutOfScope = "out_of_scope";

    public static IReadOnlyList<string> All { get; } =
        [Elderly, Children, Assistance, Culture, Education, Environment, Safety, Health, Convenience, Migrant, OutOfScope];

    /// <summary>The names the app gives its project categories (长者关爱 …), so a need and the project made from it read alike.</summary>
    public static string ChineseName(string category) => category switch
    {
        Elderly => "长者关爱",
        Children => "儿童成长",
        Assistance => "帮扶救助",
        Culture => "文化体育",
        Education => "教育培训",
        Environment => "环境美化",
        Safety => "平安建设",
        Health => "健康医疗",
        Convenience => "便民服务",
        Migrant => "来深建设者",
        OutOfScope => "非微实事范围（转办）",
        _ => category,
    };
}
