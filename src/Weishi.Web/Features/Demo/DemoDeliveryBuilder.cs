using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Delivery;
using Weishi.Web.Features.Inspections;
using Weishi.Web.Features.Participants;
using Weishi.Web.Features.Projects;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Privacy;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// Delivery records of the demo years: contracts and milestones, sessions with sign-ins, progress, inspections.
/// The report's patterns: one-off services hold a single session, a third of the communities draw their
/// participants from a small circle of regulars, and many projects fall short of their beneficiary targets.
/// </summary>
public sealed class DemoDeliveryBuilder(WeishiDbContext db, PersonalData personal)
{
    private const string Surnames = "陈李张黄刘林王吴杨郑何周叶钟曾邓罗谢赖廖";
    private const string Given = "秀英 建华 玉兰 国强 淑芬 志明 丽娟 伟 芳 敏 静 军 桂兰 海燕 春梅 德明 子轩 梓涵 浩然 欣怡";
    private const int Regulars = 25;
    private const int RegularsPool = 275;
    private readonly Random _rng = new(DemoSeeder.Seed + 6);

    private sealed record Row(int Id, int Year, int RegionId, ProjectType Type, bool IsOneOff, int PlannedSessions, int PlannedBeneficiaries, int? ContractorId, long BudgetFen);

    public async Task BuildAsync(CancellationToken ct)
    {
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking().OrderBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Year, p.RegionId, p.Type, p.IsOneOff, p.PlannedSessions, p.PlannedBeneficiaries, p.ContractorId,
                p.BudgetLines.Sum(l => l.AmountFen))).ToListAsync(ct);
        var communities = projects.Select(p => p.RegionId).Distinct().Order().ToList();
        // Every third community serves the same small circle again and again.
        var circle = communities.Where((_, i) => i % 3 == 0).ToHashSet();
        var pools = new Dictionary<int, List<Participant>>();
        var all = new List<Participant>();
        foreach (var community in communities)
        {
            var size = circle.Contains(community) ? RegularsPool : 600;
            var pool = new List<Participant>(size);
            for (var i = 0; i < size; i++) pool.Add(await NewParticipantAsync(all.Count + i, ct));
            all.AddRange(pool);
            pools[community] = pool;
        }
        await InsertParticipantsAsync(all, ct);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var year in projects.GroupBy(p => p.Year))
        {
            var signIns = new List<(ActivitySession Session, Attendance Attendance)>();
            foreach (var p in year) AddDelivery(p, pools[p.RegionId], circle.Contains(p.RegionId), signIns);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            foreach (var (session, attendance) in signIns) attendance.SessionId = session.Id;
            await InsertAttendancesAsync(signIns.Select(x => x.Attendance).ToList(), ct);
            db.ChangeTracker.Clear();
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    // Tens of thousands of rows: multi-row INSERTs, far faster than one tracked entity each on SQLite.
    private async Task InsertParticipantsAsync(List<Participant> people, CancellationToken ct)
    {
        await InsertAsync("Participants", ["Name", "PhoneHash", "PhoneEncrypted", "PhoneMasked", "IdNumberHash", "BirthYear", "FirstSeenAtUtc"],
                people.Select(p => new object?[] { p.Name, p.PhoneHash, p.PhoneEncrypted, p.PhoneMasked, p.IdNumberHash, p.BirthYear, p.FirstSeenAtUtc }), ct);
        var ids = await db.Participants.AsNoTracking().Where(p => p.PhoneHash != null)
            .Select(p => new { p.Id, p.PhoneHash }).ToDictionaryAsync(p => p.PhoneHash!, p => p.Id, ct);
        foreach (var p in people) p.Id = ids[p.PhoneHash!];
    }

    private async Task InsertAttendancesAsync(List<Attendance> rows, CancellationToken ct)
    {
        await InsertAsync("Attendances", ["SessionId", "ProjectId", "RegionId", "Year", "ParticipantId", "SignedInAtUtc", "ByQr"],
                rows.Select(a => new object?[] { a.SessionId, a.ProjectId, a.RegionId, a.Year, a.ParticipantId, a.SignedInAtUtc, a.ByQr }), ct);
    }

    /// <summary>
    /// SQLite: one prepared single-row INSERT re-run in a transaction (its native fast path); PostgreSQL: multi-row
    /// INSERTs, which save round trips.
    /// </summary>
    private async Task InsertAsync(string table, string[] columns, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ";
            if (db.Database.IsSqlite())
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                await using var command = connection.CreateCommand();
                command.Transaction = tx;
                command.CommandText = head + "(" + string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
                var parameters = columns.Select((_, i) =>
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    command.Parameters.Add(parameter);
                    return parameter;
                }).ToArray();
                foreach (var row in rows)
                {
                    for (var i = 0; i < row.Length; i++) parameters[i].Value = row[i] ?? DBNull.Value;
                    await command.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                return;
            }
            foreach (var chunk in rows.Chunk(1000))
            {
                await using var command = connection.CreateCommand();
                var sql = new System.Text.StringBuilder(head);
                var n = 0;
                foreach (var row in chunk)
                {
                    sql.Append(n == 0 ? "(" : ", (");
                    for (var i = 0; i < row.Length; i++, n++)
                    {
                        var parameter = command.CreateParameter();
                        parameter.ParameterName = "@p" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                        parameter.Value = row[i] ?? DBNull.Value;
                        command.Parameters.Add(parameter);
                        sql.Append(i == 0 ? "" : ", ").Append(parameter.ParameterName);
                    }
                    sql.Append(')');
                }
                command.CommandText = sql.ToString();
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Participant> NewParticipantAsync(int n, CancellationToken ct)
    {
        var phone = "1" + (3 + n % 7).ToString(System.Globalization.CultureInfo.InvariantCulture) + (10_000_000 + n * 7919 % 90_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var given = Given.Split(' ');
        var withId = _rng.NextDouble() < 0.4;
        var birthYear = 1940 + _rng.Next(75);
        string? id = null;
        if (withId)
        {
            // Area code varies with n / 1000 and the sequence with n % 1000, so every demo number is distinct.
            var body = $"44{3000 + n / 1000:0000}{birthYear}{1 + _rng.Next(12):00}{1 + _rng.Next(28):00}{n % 1000:000}";
            id = body + IdNumber.CheckCharacter(body);
        }
        return new Participant
        {
            Name = Surnames[_rng.Next(Surnames.Length)] + given[_rng.Next(given.Length)],
            PhoneHash = await personal.HashAsync(phone, ct),
            PhoneEncrypted = personal.EncryptPhone(phone),
            PhoneMasked = PersonalData.MaskPhone(phone),
            IdNumberHash = id is null ? null : await personal.HashAsync(id, ct),
            BirthYear = withId ? birthYear : null,
            FirstSeenAtUtc = new DateTime(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
    }

    private void AddDelivery(Row p, List<Participant> pool, bool regulars, List<(ActivitySession, Attendance)> signIns)
    {
        var start = new DateOnly(p.Year, 3, 1).AddDays(_rng.Next(40));
        var end = new DateOnly(p.Year, 11, 30);
        db.Contracts.Add(new Contract { ProjectId = p.Id, ContractorId = p.ContractorId ?? 0, AmountFen = p.BudgetFen, SignedOn = start.AddDays(-7), StartOn = start, EndOn = end });
        db.Milestones.Add(new Milestone { ProjectId = p.Id, Name = "启动", Deliverable = "实施方案", PlannedOn = start.AddDays(14), DoneOn = start.AddDays(10 + _rng.Next(10)) });
        db.Milestones.Add(new Milestone { ProjectId = p.Id, Name = "完成交付", Deliverable = p.Type == ProjectType.Service ? "服务总结与签到材料" : "完工（交付）资料", PlannedOn = end.AddDays(-20), DoneOn = end.AddDays(-25 + _rng.Next(10)) });

        if (p.Type == ProjectType.Service) AddSessions(p, start, pool, regulars, signIns);
        else
        {
            for (var k = 0; k < 1 + _rng.Next(2); k++)
                db.ProgressRecords.Add(new ProgressRecord
                {
                    ProjectId = p.Id, RecordedOn = start.AddDays(30 + k * 60), Description = k == 0 ? "进场实施" : "完成主体交付",
                    Quantity = 1 + _rng.Next(50), Unit = p.Type == ProjectType.Works ? "平方米" : "件", Address = p.Type == ProjectType.Works ? "社区公共区域" : null,
                });
        }

        if (_rng.NextDouble() < 0.2)
        {
            var mismatch = _rng.NextDouble() < 0.15;
            var on = start.AddDays(60 + _rng.Next(90));
            db.Inspections.Add(new Inspection
            {
                ProjectId = p.Id, InspectedOn = on, Inspector = "街道民生微实事办公室", Checklist = string.Join("；", Inspection.Checklists[p.Type].Take(3)),
                Findings = mismatch ? "实际开展内容与申报内容不完全一致" : "按计划实施，资料基本齐全", ContentMatchesDeclaration = !mismatch,
                RectificationRequired = mismatch, RectificationDueOn = mismatch ? on.AddDays(15) : null,
                ContractorResponse = mismatch ? "已按申报内容调整服务安排" : null,
                RespondedAtUtc = mismatch ? on.AddDays(10).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
                RectificationClosedAtUtc = mismatch ? on.AddDays(14).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null,
            });
        }
    }

    private void AddSessions(Row p, DateOnly start, List<Participant> pool, bool regulars, List<(ActivitySession, Attendance)> signIns)
    {
        var sessions = p.IsOneOff ? 1 : Math.Min(p.PlannedSessions, 3 + _rng.Next(5));
        var perSession = p.IsOneOff ? Math.Max(8, (int)(Math.Min(p.PlannedBeneficiaries, 60) * (0.6 + _rng.NextDouble() * 0.5))) : 6 + _rng.Next(10);
        for (var s = 0; s < sessions; s++)
        {
            var day = start.AddDays(20 + s * (200 / sessions) + _rng.Next(5));
            var startsAt = day.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc);
            var session = new ActivitySession
            {
                ProjectId = p.Id, HeldOn = day, StartsAtUtc = startsAt, EndsAtUtc = startsAt.AddHours(2), Place = "社区党群服务中心",
                Content = p.IsOneOff ? "集中服务活动" : $"第{s + 1}期活动", Staff = "社工 2 名、志愿者 3 名",
                SignInToken = Convert.ToHexStringLower(BitConverter.GetBytes(_rng.NextInt64())) + p.Id.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
                CreatedAtUtc = startsAt,
            };
            var chosen = new HashSet<int>();
            var count = Math.Min(perSession, pool.Count);
            while (chosen.Count < count)
            {
                // Where a circle of regulars exists, three places in four go to it; elsewhere an even draw over a wide pool.
                chosen.Add(regulars && _rng.NextDouble() < 0.75 ? _rng.Next(Regulars) : _rng.Next(pool.Count));
            }
            foreach (var i in chosen)
                signIns.Add((session, new Attendance { ProjectId = p.Id, RegionId = p.RegionId, Year = p.Year, ParticipantId = pool[i].Id, SignedInAtUtc = startsAt.AddMinutes(_rng.Next(20)), ByQr = _rng.NextDouble() < 0.7 }));
            db.ActivitySessions.Add(session);
        }
    }
}
