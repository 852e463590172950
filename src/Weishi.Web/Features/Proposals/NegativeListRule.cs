using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Proposals;

/// <summary>
/// 负面清单: what the programme may not fund. A proposal whose name or content mentions one of the rule's
/// keywords is blocked on submit, and the rule's text is shown.
/// </summary>
public class NegativeListRule : IAudited
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Text { get; set; }
    /// <summary>Keywords separated by 、 or commas.</summary>
    public required string Keywords { get; set; }
    public bool Active { get; set; } = true;

    public IEnumerable<string> KeywordList() =>
        Keywords.Split(['、', ',', '，', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The most one project of a type may cost in a year (per district); defaults when no row exists.</summary>
public class ProjectTypeCap : IAudited
{
    public int Id { get; set; }
    public int Year { get; set; }
    public ProjectType Type { get; set; }
    public long CapFen { get; set; }

    public static long DefaultFen(ProjectType type) => type == ProjectType.Works ? 100_0000_00 : 50_0000_00;
}
