namespace Weishi.Web.Features.Projects;

public enum ProjectType
{
    Service = 1,
    Works = 2,
    Goods = 3,
}

/// <summary>The programme's categories (see the glossary).</summary>
public enum ProjectCategory
{
    Elderly = 1,
    Children = 2,
    Assistance = 3,
    Culture = 4,
    Education = 5,
    Environment = 6,
    Safety = 7,
    Health = 8,
    Convenience = 9,
    Migrant = 10,
}

public static class ProjectNames
{
    public static string Type(ProjectType t) => t switch
    {
        ProjectType.Service => "服务类",
        ProjectType.Works => "工程类",
        _ => "货物类",
    };

    public static string Category(ProjectCategory c) => c switch
    {
        ProjectCategory.Elderly => "长者关爱",
        ProjectCategory.Children => "儿童成长",
        ProjectCategory.Assistance => "帮扶救助",
        ProjectCategory.Culture => "文化体育",
        ProjectCategory.Education => "教育培训",
        ProjectCategory.Environment => "环境美化",
        ProjectCategory.Safety => "平安建设",
        ProjectCategory.Health => "健康医疗",
        ProjectCategory.Convenience => "便民服务",
        _ => "来深建设者",
    };
}
