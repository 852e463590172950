using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Infrastructure.Privacy;

/// <summary>
/// PIPL handling of ID numbers and phones: never stored in clear. A keyed hash (HMAC-SHA256 with a secret kept in the
/// database, protected by Data Protection) identifies a person across projects; phones are encrypted and shown masked.
/// </summary>
public sealed class PersonalData(IDataProtectionProvider protection, IServiceScopeFactory scopes)
{
    private const string HashKeyName = "participant-hash-key";
    private readonly IDataProtector _phones = protection.CreateProtector("Weishi.PersonalData.Phone.v1");
    private readonly IDataProtector _secrets = protection.CreateProtector("Weishi.AppSecret.v1");
    private byte[]? _hashKey;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The keyed hash of an identifier (ID number or phone), normalised first; hex, 64 characters.</summary>
    public async Task<string> HashAsync(string identifier, CancellationToken ct = default)
    {
        var key = await HashKeyAsync(ct);
        var normalized = identifier.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(normalized)));
    }

    public string EncryptPhone(string phone) => _phones.Protect(phone.Trim());

    public string DecryptPhone(string encrypted) => _phones.Unprotect(encrypted);

    /// <summary>138****1234; anything shorter than 7 characters is fully masked.</summary>
    public static string MaskPhone(string phone)
    {
        phone = phone.Trim();
        return phone.Length < 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
    }

    /// <summary>A mainland mobile number: 11 digits starting with 1[3-9]. Returns the reason in Chinese, or null.</summary>
    public static string? ValidatePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return "请填写手机号码";
        phone = phone.Trim();
        if (phone.Length != 11 || phone[0] != '1' || phone[1] < '3' || !phone.All(char.IsAsciiDigit))
            return "手机号码应为 11 位数字，以 13–19 开头";
        return null;
    }

    private async Task<byte[]> HashKeyAsync(CancellationToken ct)
    {
        if (_hashKey is not null) return _hashKey;
        await _gate.WaitAsync(ct);
        try
        {
            if (_hashKey is not null) return _hashKey;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var stored = await db.AppSecrets.AsNoTracking().FirstOrDefaultAsync(s => s.Name == HashKeyName, ct);
            if (stored is null)
            {
                var fresh = RandomNumberGenerator.GetBytes(32);
                db.AppSecrets.Add(new AppSecret { Name = HashKeyName, ProtectedValue = _secrets.Protect(Convert.ToBase64String(fresh)) });
                try
                {
                    await db.SaveChangesAsync(ct);
                    return _hashKey = fresh;
                }
                catch (DbUpdateException)
                {
                    // Another instance created it first: use theirs.
                    db.ChangeTracker.Clear();
                    stored = await db.AppSecrets.AsNoTracking().FirstAsync(s => s.Name == HashKeyName, ct);
                }
            }
            return _hashKey = Convert.FromBase64String(_secrets.Unprotect(stored.ProtectedValue));
        }
        finally
        {
            _gate.Release();
        }
    }
}
