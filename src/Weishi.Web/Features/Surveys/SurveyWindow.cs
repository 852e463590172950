using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Surveys;

/// <summary>
/// When a project's survey takes answers. It runs while the project is delivered and closes once the project has been
/// completed or accepted for longer than an invitation lives (<see cref="ProjectModel.TokenLifetime"/>, 30 days), or when
/// the project was rejected or withdrawn; the public link and every invitation close with it.
/// </summary>
public static class SurveyWindow
{
    public static TimeSpan AfterDelivery => ProjectModel.TokenLifetime;

    /// <summary>The China date on which the survey of a project completed or accepted at that time closes.</summary>
    public static DateOnly ClosesOn(DateTime statusChangedAtUtc) => ChinaDate.Of(statusChangedAtUtc + AfterDelivery);

    /// <summary>Why answering is closed (in Chinese), or null while it is open.</summary>
    public static string? ClosedReason(ProjectStatus status, DateTime statusChangedAtUtc, DateTime nowUtc) => status switch
    {
        ProjectStatus.Rejected or ProjectStatus.Withdrawn => "该项目已撤销，问卷已关闭",
        ProjectStatus.Completed or ProjectStatus.Accepted when statusChangedAtUtc + AfterDelivery < nowUtc =>
            $"本项目已于 {Display.Date(ChinaDate.Of(statusChangedAtUtc))} {(status == ProjectStatus.Accepted ? "验收" : "完工")}，问卷已于 {AfterDelivery.Days} 天后截止（{Display.Date(ClosesOn(statusChangedAtUtc))}）",
        _ => null,
    };
}
