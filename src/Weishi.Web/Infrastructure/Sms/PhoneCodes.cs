using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Infrastructure.Sms;

/// <summary>
/// Phone verification shared by voting and residents' sign-in: a 6-digit code sent through <see cref="ISmsSender"/>,
/// stored hashed, valid <see cref="Lifetime"/>, at most <see cref="MaxPerLifetime"/> valid codes per phone and purpose
/// (limits text flooding of one phone) and <see cref="MaxAttempts"/> guesses per code, compared in constant time.
/// Requests per client address are limited by <see cref="PhoneCodeRateLimit"/>.
/// </summary>
public sealed class PhoneCodes(WeishiDbContext db, PersonalData personal, ISmsSender sms)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;
    public const int MaxPerLifetime = 3;

    /// <summary>Sends a new code; <paramref name="text"/> words the message around it. Returns the refusal in Chinese, or null.</summary>
    public async Task<string?> SendAsync(string purpose, string? phone, Func<string, string> text, CancellationToken ct = default)
    {
        if (PersonalData.ValidatePhone(phone) is { } phoneError) return phoneError;
        var phoneHash = await personal.HashAsync(phone!, ct);
        var now = db.Time.GetUtcNow().UtcDateTime;
        var valid = await db.PhoneCodes.Where(c => c.Purpose == purpose && c.PhoneHash == phoneHash && c.ExpiresAtUtc > now)
            .Select(c => c.ExpiresAtUtc).ToListAsync(ct);
        if (valid.Count >= MaxPerLifetime)
        {
            // A new code may be sent once the oldest valid one expires.
            var wait = Math.Max(1, (int)Math.Ceiling((valid.Min() - now).TotalMinutes));
            return $"验证码发送过于频繁：同一手机号 {Lifetime.TotalMinutes:0} 分钟内最多获取 {MaxPerLifetime} 次，请 {wait} 分钟后再试；已收到的验证码仍可使用";
        }
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var sent = new PhoneCode
        {
            Purpose = purpose, PhoneHash = phoneHash, CodeHash = await CodeHashAsync(purpose, phoneHash, code, ct), ExpiresAtUtc = now + Lifetime,
        };
        db.PhoneCodes.Add(sent);
        await db.SaveChangesAsync(ct);
        // Stored for good before it leaves: a text cannot be taken back, and a post does not hold the database meanwhile.
        await db.CommitSoFarAsync(ct);
        try
        {
            await sms.SendAsync(phone!, text(code), ct);
        }
        catch (SmsSendFailedException)
        {
            // A code that never left neither opens anything nor counts against the phone's limit.
            // Deleted by id, whatever was counted or used on it meanwhile.
            await db.PhoneCodes.Where(c => c.Id == sent.Id).ExecuteDeleteAsync(ct);
            db.Entry(sent).State = EntityState.Detached;
            return NotSent;
        }
        return null;
    }

    public const string NotSent = "短信发送失败，验证码未能发出，请稍后重试；如多次失败，请联系社区工作人员";

    /// <summary>
    /// Told to the post whose save failed on <see cref="DbUpdateConcurrencyException"/> after <see cref="CheckAsync"/>: another
    /// post of the same code (a double tap, a second tab) used it between this post's check and save.
    /// </summary>
    public const string UsedMeanwhile = "验证码已被使用，请点击“获取验证码”重新获取（同一验证码只能提交一次）";

    /// <summary>
    /// Checks the newest valid code of the phone (by its keyed hash). Every guess is counted in the database, in one
    /// statement that also checks the limit, before it is compared: however many guesses arrive at once, at most
    /// <see cref="MaxAttempts"/> of them are ever compared with a code. A right guess marks the code used in the change
    /// tracker only, so the caller's save stores it together with what the code allowed; that save fails with
    /// <see cref="DbUpdateConcurrencyException"/> when another post used the code meanwhile (<see cref="PhoneCode.Used"/>
    /// is a concurrency token): the caller then stores nothing and answers <see cref="UsedMeanwhile"/>.
    /// Returns the refusal in Chinese (<paramref name="expiredHint"/> is added to the expired-code message), or null.
    /// </summary>
    public async Task<string?> CheckAsync(string purpose, string phoneHash, string? code, string expiredHint = "", CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow().UtcDateTime;
        var pending = await db.PhoneCodes.Where(c => c.Purpose == purpose && c.PhoneHash == phoneHash && !c.Used && c.ExpiresAtUtc > now)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (pending is null) return $"验证码已过期（有效期 {Lifetime.TotalMinutes:0} 分钟）或尚未获取，请点击“获取验证码”重新获取" + expiredHint;
        if (pending.Attempts >= MaxAttempts) return TooManyAttempts;
        var counted = await db.PhoneCodes.Where(c => c.Id == pending.Id && !c.Used && c.Attempts < MaxAttempts)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Attempts, c => c.Attempts + 1), ct);
        // The count as stored: this guess's and any counted meanwhile.
        await db.Entry(pending).ReloadAsync(ct);
        if (pending.Used) return UsedMeanwhile;
        if (counted == 0) return TooManyAttempts;
        var codeHash = await CodeHashAsync(purpose, phoneHash, (code ?? "").Trim(), ct);
        if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(codeHash), Encoding.ASCII.GetBytes(pending.CodeHash)))
        {
            pending.Used = true;
            return null;
        }
        var left = MaxAttempts - pending.Attempts;
        return left > 0
            ? $"验证码不正确，请核对短信中的 6 位数字后重新输入（还可尝试 {left} 次）"
            : "验证码不正确，错误次数已达上限，该验证码已失效，请点击“获取验证码”重新获取";
    }

    private const string TooManyAttempts = "验证码错误次数过多，该验证码已失效，请点击“获取验证码”重新获取";

    private Task<string> CodeHashAsync(string purpose, string phoneHash, string code, CancellationToken ct) =>
        personal.HashAsync($"code:{purpose}:{phoneHash}:{code}", ct);
}
