using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;
using Weishi.Web.Infrastructure.Sms;

namespace Weishi.Web.Features.Voting;

/// <summary>Phone verification and vote casting. Codes are hashed and expire; one vote per phone per ballot.</summary>
public sealed class VotingService(WeishiDbContext db, PersonalData personal, ISmsSender sms)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;
    /// <summary>Codes a phone may request for one ballot while earlier ones are still valid (limits SMS flooding).</summary>
    public const int MaxCodesPerLifetime = 3;

    public async Task<string?> SendCodeAsync(int ballotId, string? phone, CancellationToken ct = default)
    {
        if (PersonalData.ValidatePhone(phone) is { } phoneError) return phoneError;
        var ballot = await db.Ballots.IgnoreQueryFilters().FirstOrDefaultAsync(b => b.Id == ballotId, ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        if (ballot is null || !ballot.IsOpen(now)) return "投票未开放或已结束";
        var phoneHash = await personal.HashAsync(phone!, ct);
        var valid = await db.VoterCodes.Where(c => c.BallotId == ballotId && c.PhoneHash == phoneHash && c.ExpiresAtUtc > now)
            .Select(c => c.ExpiresAtUtc).ToListAsync(ct);
        if (valid.Count >= MaxCodesPerLifetime)
        {
            // A new code may be sent once the oldest valid one expires.
            var wait = Math.Max(1, (int)Math.Ceiling((valid.Min() - now).TotalMinutes));
            return $"验证码发送过于频繁：同一手机号 {CodeLifetime.TotalMinutes:0} 分钟内最多获取 {MaxCodesPerLifetime} 次，请 {wait} 分钟后再试；已收到的验证码仍可使用";
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        db.VoterCodes.Add(new VoterCode { BallotId = ballotId, PhoneHash = phoneHash, CodeHash = await personal.HashAsync("vote-code:" + phoneHash + ":" + code, ct), ExpiresAtUtc = now + CodeLifetime });
        await db.SaveChangesAsync(ct);
        await sms.SendAsync(phone!, $"【民生微实事】您的投票验证码为 {code}，{CodeLifetime.TotalMinutes:0} 分钟内有效。", ct);
        return null;
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
        var pending = await db.VoterCodes.Where(c => c.BallotId == ballotId && c.PhoneHash == phoneHash && !c.Used && c.ExpiresAtUtc > now)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (pending is null) return $"验证码已过期（有效期 {CodeLifetime.TotalMinutes:0} 分钟）或尚未获取，请点击“获取验证码”重新获取，已选的项目会保留";
        if (pending.Attempts >= MaxAttempts) return "验证码错误次数过多，该验证码已失效，请点击“获取验证码”重新获取";
        var codeHash = await personal.HashAsync("vote-code:" + phoneHash + ":" + (code ?? "").Trim(), ct);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(codeHash), Encoding.ASCII.GetBytes(pending.CodeHash)))
        {
            pending.Attempts++;
            await db.SaveChangesAsync(ct);
            var left = MaxAttempts - pending.Attempts;
            return left > 0
                ? $"验证码不正确，请核对短信中的 6 位数字后重新输入（还可尝试 {left} 次）"
                : "验证码不正确，错误次数已达上限，该验证码已失效，请点击“获取验证码”重新获取";
        }
        pending.Used = true;
        var vote = new Vote { BallotId = ballotId, VoterHash = phoneHash, CastAtUtc = now };
        vote.Choices.AddRange(distinct.Select(p => new VoteChoice { ProjectId = p }));
        db.Votes.Add(vote);
        try
        {
            await db.SaveChangesAsync(ct);
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
