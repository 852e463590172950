using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Public;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Home;

/// <summary>A resident's own needs and what became of them, each with its tracking page and its project once public; the
/// ballots they voted in and the surveys they answered (that they did, never how).</summary>
public sealed class ResidentModel(WeishiDbContext db) : PageModel
{
    public sealed record Row(string Text, string Community, DemandStatus Status, DateTime SubmittedAtUtc, string? TrackingCode,
        int? ProjectId, string? Project)
    {
        /// <summary>Set when the project is on the public portal, the only project page a resident may open.</summary>
        public bool ProjectPublic { get; init; }
    }

    public IReadOnlyList<Row> Demands { get; private set; } = [];
    public IReadOnlyList<ResidentParticipation.Voted> Ballots { get; private set; } = [];
    public IReadOnlyList<ResidentParticipation.Answered> Surveys { get; private set; } = [];
    /// <summary>Signed in with a phone code: votes and survey answers can be found (a password account has no phone).</summary>
    public bool HasPhone => db.Scope.PhoneHash is not null;

    public async Task OnGetAsync()
    {
        // Own needs: submitted signed in, or given with the phone they verified (also before signing in).
        var (userId, phoneHash) = (db.Scope.UserId, db.Scope.PhoneHash);
        var rows = await db.Demands.AsNoTracking()
            .Where(d => d.SubmittedByUserId == userId || (phoneHash != null && d.ContactPhoneHash == phoneHash))
            .OrderByDescending(d => d.SubmittedAtUtc)
            .Select(d => new Row(d.Text, d.Region!.ShortName, d.Status, d.SubmittedAtUtc, d.TrackingCode, d.ProjectId, d.Project!.Name))
            .ToListAsync(HttpContext.RequestAborted);
        var projectIds = rows.Where(r => r.ProjectId != null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var visible = await PublicProjects.Visible(db).Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, HttpContext.RequestAborted);
        Demands = rows.Select(r => r.ProjectId is { } id && visible.TryGetValue(id, out var name)
            ? r with { ProjectPublic = true, Project = name } : r).ToList();
        if (phoneHash is not null)
        {
            Ballots = await ResidentParticipation.BallotsAsync(db, phoneHash, HttpContext.RequestAborted);
            Surveys = await ResidentParticipation.SurveysAsync(db, phoneHash, HttpContext.RequestAborted);
        }
    }
}
