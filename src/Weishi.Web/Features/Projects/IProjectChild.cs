namespace Weishi.Web.Features.Projects;

/// <summary>
/// A row that belongs to one project and is written by the project's community (budget lines, payments, targets,
/// publicity, approvals, cost reviews). Saves are checked against the project's region, using the loaded project when
/// the row is saved together with a new one.
/// </summary>
public interface IProjectChild
{
    int ProjectId { get; }
    Project? Project { get; }
}
