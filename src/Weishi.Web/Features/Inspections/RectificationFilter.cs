using System.Linq.Expressions;

namespace Weishi.Web.Features.Inspections;

/// <summary>Where an inspection's rectification stands, from <see cref="Inspection"/>'s own fields.</summary>
public enum RectificationState { NotRequired, AwaitingAnswer, AwaitingConfirmation, Confirmed }

/// <summary>
/// The 整改状态 choices of the inspection list and the states its rows show. Open is <see cref="Inspection.IsRectificationOpen"/>;
/// overdue is open and past its 整改期限 by China's today. An unknown key filters nothing.
/// </summary>
public static class RectificationFilter
{
    public const string Open = "open";
    public const string Overdue = "overdue";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<(string Key, string Name)> Choices =
        [(Open, "待整改（未确认完成）"), (Overdue, "逾期未整改"), (Closed, "整改已确认完成")];

    public static IQueryable<Inspection> Apply(IQueryable<Inspection> query, string? key, DateOnly today) => key switch
    {
        Open => query.Where(Inspection.IsRectificationOpen),
        Overdue => OverdueOf(query, today),
        Closed => query.Where(i => i.RectificationRequired && i.RectificationClosedAtUtc != null),
        _ => query,
    };

    public static IQueryable<Inspection> OverdueOf(IQueryable<Inspection> query, DateOnly today) =>
        query.Where(Inspection.IsRectificationOpen).Where(i => i.RectificationDueOn < today);

    public static RectificationState State(bool required, bool answered, bool confirmed) =>
        !required ? RectificationState.NotRequired
        : confirmed ? RectificationState.Confirmed
        : answered ? RectificationState.AwaitingConfirmation
        : RectificationState.AwaitingAnswer;

    public static string Name(RectificationState state) => state switch
    {
        RectificationState.NotRequired => "无需整改",
        RectificationState.AwaitingAnswer => "待答复",
        RectificationState.AwaitingConfirmation => "已答复待确认",
        _ => "已确认完成",
    };
}
