namespace Weishi.Web.Features.Demands;

public enum AgeBand
{
    Under18 = 1,
    From18To35 = 2,
    From36To59 = 3,
    From60 = 4,
}

/// <summary>户籍 / 常住 / 来深建设者: the report's concern that non-registered residents are rarely heard.</summary>
public enum ResidentType
{
    Registered = 1,
    Permanent = 2,
    Migrant = 3,
}

[Flags]
public enum ResidentGroups
{
    None = 0,
    Elderly = 1,
    FamilyWithChildren = 2,
    Disability = 4,
    LowIncome = 8,
    Youth = 16,
}

/// <summary>The optional self-description and its Chinese names; also the segments of the coverage page.</summary>
public static class DemandProfile
{
    public static string Name(AgeBand a) => a switch
    {
        AgeBand.Under18 => "18 岁以下",
        AgeBand.From18To35 => "18–35 岁",
        AgeBand.From36To59 => "36–59 岁",
        _ => "60 岁及以上",
    };

    public static string Name(ResidentType t) => t switch
    {
        ResidentType.Registered => "户籍居民",
        ResidentType.Permanent => "常住居民",
        _ => "来深建设者",
    };

    public static string Name(ResidentGroups g) => g switch
    {
        ResidentGroups.Elderly => "老年人",
        ResidentGroups.FamilyWithChildren => "有孩子的家庭",
        ResidentGroups.Disability => "残疾人",
        ResidentGroups.LowIncome => "困难家庭",
        ResidentGroups.Youth => "青年",
        _ => "无",
    };

    public static IEnumerable<ResidentGroups> SingleGroups => Enum.GetValues<ResidentGroups>().Where(g => g != ResidentGroups.None);

    public static string GroupNames(ResidentGroups groups) =>
        string.Join("、", SingleGroups.Where(g => groups.HasFlag(g)).Select(Name));
}
