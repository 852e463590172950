namespace Weishi.Web.Features.Projects;

/// <summary>
/// A rule another feature adds to the state machine (e.g. "no publicity without a rubric score").
/// <see cref="ProjectTransitions"/> asks every registered guard before a move and tells them after it.
/// </summary>
public interface IProjectStepGuard
{
    /// <summary>Returns the refusal in Chinese, or null when the move may go ahead.</summary>
    Task<string?> CheckAsync(Project project, ProjectStatus to, string? comment, CancellationToken ct);

    /// <summary>Adds the rows that belong to the move (saved in the same SaveChanges as the status).</summary>
    Task OnMovingAsync(Project project, ProjectStatus from, ProjectStatus to, string? comment, CancellationToken ct);
}
