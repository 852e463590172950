using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Audit;

namespace Weishi.Web.Features.Publicity;

/// <summary>公示: a chosen project's public notice on the portal; approval waits until it ends.</summary>
public class PublicityNotice : IAudited, IProjectChild
{
    public const int DefaultDays = 7;

    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public DateTime StartsAtUtc { get; set; }
    public DateTime EndsAtUtc { get; set; }
    public int Days { get; set; }
}

/// <summary>A resident's objection during publicity; open objections block approval until answered.</summary>
public class Objection : IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public required string Text { get; set; }
    public string? ContactMasked { get; set; }
    public DateTime LodgedAtUtc { get; set; }
    public string? Answer { get; set; }
    public DateTime? AnsweredAtUtc { get; set; }
    public string? AnsweredBy { get; set; }
}

/// <summary>How many days publicity lasts in a year (default 7).</summary>
public class PublicitySetting : IAudited
{
    public int Year { get; set; }
    public int Days { get; set; } = PublicityNotice.DefaultDays;
}
