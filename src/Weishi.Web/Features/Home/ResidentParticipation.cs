using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Home;

/// <summary>
/// Which ballots a resident voted in and which surveys they answered, found by the keyed hash of their verified phone
/// (<see cref="Infrastructure.Auth.UserScope.PhoneHash"/>). Residents have no region scope, so these are deliberately
/// unfiltered reads with their own filter: the phone hash. Only the facts "voted" and "answered" leave here, never a
/// vote's choices (<c>VoteChoice</c> is not read) nor a survey's answers. Survey answers through the public link carry no
/// participant and cannot be found; answers through an invitation are found through the invited participant's phone hash.
/// </summary>
public static class ResidentParticipation
{
    public sealed record Voted(int BallotId, string Ballot, string Community, DateTime CastAtUtc, bool Closed);

    public sealed record Answered(string Project, string Community, DateTime SubmittedAtUtc);

    public static async Task<IReadOnlyList<Voted>> BallotsAsync(WeishiDbContext db, string phoneHash, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow().UtcDateTime;
        return await db.Votes.IgnoreQueryFilters().AsNoTracking().Where(v => v.VoterHash == phoneHash)
            .OrderByDescending(v => v.CastAtUtc)
            .Select(v => new Voted(v.BallotId, v.Ballot!.Title, v.Ballot.Region!.ShortName, v.CastAtUtc, v.Ballot.ClosesAtUtc <= now))
            .ToListAsync(ct);
    }

    public static async Task<IReadOnlyList<Answered>> SurveysAsync(WeishiDbContext db, string phoneHash, CancellationToken ct = default)
    {
        var invitations = db.SurveyInvitations.IgnoreQueryFilters()
            .Where(i => db.Participants.Any(p => p.Id == i.ParticipantId && p.PhoneHash == phoneHash)).Select(i => i.Id);
        return await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.InvitationId != null && invitations.Contains(r.InvitationId.Value))
            .OrderByDescending(r => r.SubmittedAtUtc)
            .Select(r => new Answered(r.Project!.Name, r.Project.Region!.ShortName, r.SubmittedAtUtc))
            .ToListAsync(ct);
    }
}
