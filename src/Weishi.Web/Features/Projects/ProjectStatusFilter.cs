namespace Weishi.Web.Features.Projects;

/// <summary>
/// The project list's 状态 choices: a stage (a group of statuses the statistics and findings count, e.g. 实施项目) or one
/// status. Stages have lower-case keys, statuses their enum names; an unknown key filters nothing.
/// </summary>
public static class ProjectStatusFilter
{
    public const string Committed = "committed";
    public const string Implemented = "implemented";
    public const string Finished = "finished";

    public sealed record Stage(string Key, string Name, ProjectStatus[] Statuses);

    public static readonly IReadOnlyList<Stage> Stages =
    [
        new(Committed, "已立项（公示中及以后）", ProjectWorkflow.Committed),
        new(Implemented, "实施项目（实施中、已完工、已验收）", ProjectWorkflow.Implemented),
        new(Finished, "已完工、已验收", ProjectWorkflow.Finished),
    ];

    /// <summary>The statuses a key stands for, or null for no filter.</summary>
    public static ProjectStatus[]? Statuses(string? key)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        if (Stages.FirstOrDefault(s => s.Key == key) is { } stage) return stage.Statuses;
        return Enum.TryParse<ProjectStatus>(key, ignoreCase: false, out var status) && Enum.IsDefined(status) ? [status] : null;
    }
}
