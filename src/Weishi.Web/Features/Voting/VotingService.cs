using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Web.Features.Voting;

/// <summary>Vote casting behind a phone code (<see cref="PhoneCodes"/>, one purpose per ballot); one vote per phone per ballot.</summary>
public sealed class VotingService(WeishiDbContext db, PersonalData personal, PhoneCodes codes)
{
    /// <summary>The phone-code purpose of a ballot: a code sent for one ballot does not open another.</summary>
    public static string CodePurpose(int ballotId) => "vote:" + ballotId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<string?> SendCodeAsync(int ballotId, string? phone, CancellationToken ct = default)
    {
        if (PersonalData.ValidatePhone(phone) is { } phoneError) return phoneError;
        var ballot = await db.Ballots.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.Id == ballotId, ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        if (ballot is null || !ballot.IsOpen(now)) return "投票未开放或已结束";
        return await codes.SendAsync(CodePurpose(ballotId), phone,
            code => $"【民生微实事】您的投票验证码为 {code}，{PhoneCodes.Lifetime.TotalMinutes:0} 分钟内有效。", ct);
    }

    /// <summary>Checks the code and stores the vote; returns the refusal in Chinese, or null.</summary>
    public async Task<string?> CastAsync(int ballotId, string? phone, string? code, IReadOnlyCollection<int> choices, CancellationToken ct = default)
    {
        if (PersonalData.ValidatePhone(phone) is { } phoneError) return phoneError;
        var ballot = await db.Ballots.IgnoreQueryFilters().Include(b => b.Options).FirstOrDefaultAsync(b => b.Id == ballotId, ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        if (ballot is null || !ballot.IsOpen(now)) return "投票未开放或已结束";
        var distinct = choices.Distinct().ToList();
        if (distinct.Count == 0) return "请至少选择一个项目";
        if (distinct.Any(c => ballot.Options.All(o => o.ProjectId != c))) return "所选项目不在本次投票中";
        if (ballot.Kind == BallotKind.Approval && distinct.Count > ballot.MaxChoices) return $"最多只能选择 {ballot.MaxChoices} 个项目";
        if (ballot.Kind == BallotKind.Budget)
        {
            var cost = await db.BudgetLines.IgnoreQueryFilters().Where(l => distinct.Contains(l.ProjectId)).SumAsync(l => l.AmountFen, ct);
            if (cost > ballot.BudgetFen)
                return $"所选项目合计 {Infrastructure.Money.Money.Wan(cost)} 万元，超过可用预算 {Infrastructure.Money.Money.Wan(ballot.BudgetFen)} 万元";
        }
        var phoneHash = await personal.HashAsync(phone!, ct);
        // Voters are anonymous visitors without a scope: look for their earlier vote in this ballot only.
        if (await db.Votes.IgnoreQueryFilters().AnyAsync(v => v.BallotId == ballotId && v.VoterHash == phoneHash, ct))
            return "您已经投过票了，每人每次投票只能投一次";
        if (await codes.CheckAsync(CodePurpose(ballotId), phoneHash, code, "，已选的项目会保留", ct) is { } codeError) return codeError;
        var vote = new Vote { BallotId = ballotId, VoterHash = phoneHash, CastAtUtc = now };
        vote.Choices.AddRange(distinct.Select(p => new VoteChoice { ProjectId = p }));
        try
        {
            // The code's use is saved before the vote, in the vote's transaction: a post that lost the race for the code
            // is told so whichever error the provider reports first (PostgreSQL's batch reports the vote's duplicate first).
            await using var transaction = await db.BeginWorkAsync(ct);
            await db.SaveChangesAsync(ct);
            db.Votes.Add(vote);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another post of this code used it (and cast this phone's vote) or counted a guess on it since the check.
            db.ChangeTracker.Clear();
            return PhoneCodes.UsedMeanwhile;
        }
        catch (DbUpdateException)
        {
            // The unique index on (ballot, voter) refused a second vote, possibly cast at the same moment.
            db.ChangeTracker.Clear();
            return "您已经投过票了，每人每次投票只能投一次";
        }
        return null;
    }
}
