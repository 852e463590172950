using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Demands;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Features.Participants;

public enum SignInOutcome
{
    SignedIn = 1,
    AlreadySignedIn = 2,
}

/// <summary>Finds or registers a person by keyed hash, and records their attendance once per session.</summary>
public sealed class ParticipantRegister(WeishiDbContext db, PersonalData personal)
{
    /// <summary>Checks name, phone and ID number; returns the Chinese reasons, empty when all is well.</summary>
    public static List<string> Validate(string? name, string? phone, string? idNumber, bool phoneRequired, string? residentType = null)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(residentType) && ParseResidentType(residentType) is null) errors.Add("居民类型应为户籍居民、常住居民或来深建设者");
        if (string.IsNullOrWhiteSpace(name)) errors.Add("请填写姓名");
        else if (name.Trim().Length > 40) errors.Add("姓名不能超过 40 个字");
        if (phoneRequired || !string.IsNullOrWhiteSpace(phone))
        {
            var phoneError = PersonalData.ValidatePhone(phone);
            if (phoneError is not null) errors.Add(phoneError);
        }
        if (!string.IsNullOrWhiteSpace(idNumber) && IdNumber.Validate(idNumber) is { } idError) errors.Add(idError);
        if (!phoneRequired && string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(idNumber))
            errors.Add("请填写手机号码或身份证号码，以便识别同一参与者");
        return errors;
    }

    /// <summary>The form value of the optional resident type (its number or name); null when empty or unknown.</summary>
    public static ResidentType? ParseResidentType(string? value) =>
        value is not null && !value.Contains(',') && Enum.TryParse<ResidentType>(value.Trim(), ignoreCase: false, out var type) && Enum.IsDefined(type) ? type : null;

    /// <summary>The person with this ID number (preferred) or phone; registered when new. Safe under concurrent calls.</summary>
    public async Task<Participant> FindOrAddAsync(string name, string? phone, string? idNumber, CancellationToken ct = default) =>
        await FindOrAddAsync(name, phone, idNumber, null, ct);

    /// <summary>As above; a resident type given now is kept on the person (new or known), for the groups never reached.</summary>
    public async Task<Participant> FindOrAddAsync(string name, string? phone, string? idNumber, ResidentType? residentType, CancellationToken ct = default)
    {
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        idNumber = string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim().ToUpperInvariant();
        var idHash = idNumber is null ? null : await personal.HashAsync(idNumber, ct);
        var phoneHash = phone is null ? null : await personal.HashAsync(phone, ct);
        for (var attempt = 0; ; attempt++)
        {
            var matches = await db.Participants
                .Where(p => (idHash != null && p.IdNumberHash == idHash) || (phoneHash != null && p.PhoneHash == phoneHash))
                .ToListAsync(ct);
            var found = matches.FirstOrDefault(p => idHash != null && p.IdNumberHash == idHash) ?? matches.FirstOrDefault();
            if (found is not null)
            {
                if (residentType is { } type && found.ResidentType != type)
                {
                    found.ResidentType = type;
                    await db.SaveChangesAsync(ct);
                }
                return found;
            }
            var fresh = new Participant
            {
                Name = name.Trim(),
                IdNumberHash = idHash,
                PhoneHash = phoneHash,
                PhoneEncrypted = phone is null ? null : personal.EncryptPhone(phone),
                PhoneMasked = phone is null ? null : PersonalData.MaskPhone(phone),
                BirthYear = idNumber is null ? null : int.Parse(idNumber.AsSpan(6, 4), System.Globalization.CultureInfo.InvariantCulture),
                ResidentType = residentType,
                FirstSeenAtUtc = db.Time.GetUtcNow().UtcDateTime,
            };
            db.Participants.Add(fresh);
            try
            {
                await db.SaveChangesAsync(ct);
                return fresh;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Someone registered the same person a moment ago: use theirs.
                db.Entry(fresh).State = EntityState.Detached;
            }
        }
    }

    /// <summary>Adds the attendance unless this person already signed in to the session (the unique index decides).</summary>
    public async Task<SignInOutcome> AttendAsync(ActivitySession session, Participant participant, bool byQr, CancellationToken ct = default)
    {
        if (await db.Attendances.IgnoreQueryFilters().AnyAsync(a => a.SessionId == session.Id && a.ParticipantId == participant.Id, ct))
            return SignInOutcome.AlreadySignedIn;
        var project = await db.Projects.IgnoreQueryFilters().Where(p => p.Id == session.ProjectId)
            .Select(p => new { p.RegionId, p.Year }).SingleAsync(ct);
        var attendance = new Attendance
        {
            SessionId = session.Id,
            ProjectId = session.ProjectId,
            RegionId = project.RegionId,
            Year = project.Year,
            ParticipantId = participant.Id,
            SignedInAtUtc = db.Time.GetUtcNow().UtcDateTime,
            ByQr = byQr,
        };
        db.Attendances.Add(attendance);
        try
        {
            await db.SaveChangesAsync(ct);
            return SignInOutcome.SignedIn;
        }
        catch (DbUpdateException)
        {
            db.Entry(attendance).State = EntityState.Detached;
            if (await db.Attendances.IgnoreQueryFilters().AnyAsync(a => a.SessionId == session.Id && a.ParticipantId == participant.Id, ct))
                return SignInOutcome.AlreadySignedIn;
            throw;
        }
    }
}
