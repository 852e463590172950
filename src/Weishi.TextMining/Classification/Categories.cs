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

    public static string ChineseName(string category) => category switch
    {
        Elderly => "养老助老",
        Children => "儿童服务",
        Assistance => "困难帮扶",
        Culture => "文体活动",
        Education => "教育培训",
        Environment => "环境卫生",
        Safety => "安全防范",
        Health => "医疗健康",
        Convenience => "便民服务",
        Migrant => "来深建设者",
        OutOfScope => "非微实事范围（转办）",
        _ => category,
    };
}
