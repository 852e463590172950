using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Weishi.Web.Features.Regions;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;
using Weishi.Web.Infrastructure.Jobs;
using Weishi.Web.Infrastructure.Web;

namespace Weishi.Web.Features.Demands;

/// <param name="AllowedRegionIds">The communities the importing user may write to; null for district-wide users.</param>
public sealed record ImportOptions(DemandChannel Channel, int[]? AllowedRegionIds, string? UserId, string UserName);

public sealed record ImportResult(int Imported, int Skipped, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool Ok => ErrorCount == 0;
}

/// <summary>
/// All-or-nothing import of needs in one pass over the file: every row is checked and every problem collected; rows
/// are written as they are read, inside one transaction, while no problem has been found. The transaction commits
/// only when the whole file is clean, otherwise it is rolled back and nothing is stored. Rows whose case number is
/// already stored (or repeated in the file) are skipped, so re-importing a file adds nothing.
/// </summary>
public sealed class DemandImporter(WeishiDbContext db)
{
    private const int ProgressEvery = 5000;
    private const int MaxReportedErrors = 10_000;
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d",
        "yyyy-M-d H:mm:ss", "yyyy-M-d H:mm", "yyyy-M-d", "yyyy年M月d日 H:mm", "yyyy年M月d日", "yyyy-MM-ddTHH:mm:ss",
    ];

    private CommunityLookup? _communities;

    /// <param name="rows">Opened once; read row by row (the file is streamed).</param>
    public async Task<ImportResult> ImportAsync(Func<IEnumerable<ImportRow>> rows, IReadOnlyCollection<string?> headerFields,
        ImportOptions options, IJobProgress? progress, Func<double>? fraction, CancellationToken ct)
    {
        _communities ??= await CommunityLookup.LoadAsync(db, ct);
        var errors = new List<ImportError>();
        var errorCount = 0;
        void Fail(ImportError e) { errorCount++; if (errors.Count < MaxReportedErrors) errors.Add(e); }

        foreach (var required in RequiredColumns(options.Channel))
            if (!headerFields.Contains(required)) Fail(new ImportError(1, required, "缺少必需的列（列名见页面上的对应表）"));
        if (errorCount > 0) return new ImportResult(0, 0, errors, errorCount);

        db.SuppressRowAudit = true;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var total = 0;
            (int Imported, int Skipped) written;
            await using (var insert = await DemandInsert.CreateAsync(db, tx.GetDbTransaction(), ct))
            {
                foreach (var row in rows())
                {
                    total++;
                    // After the first problem the rest is only checked (for the report); the transaction is rolled back.
                    var demand = Parse(row, options, Fail, checkOnly: errorCount > 0);
                    if (demand is not null && errorCount == 0) await insert.AddAsync(demand, ct);
                    if (total % ProgressEvery == 0)
                        progress?.Report((int)(95 * (fraction?.Invoke() ?? 0)),
                            errorCount == 0 ? $"正在检查并写入：已处理 {total} 行" : $"发现问题，继续检查：已检查 {total} 行");
                }
                if (total == 0) Fail(new ImportError(2, "", "文件中没有数据行"));
                if (errorCount > 0)
                {
                    await insert.DisposeAsync();   // ends PostgreSQL's COPY before the rollback
                    await tx.RollbackAsync(ct);
                    return new ImportResult(0, 0, errors, errorCount);
                }
                progress?.Report(95, $"检查通过，共 {total} 行，正在提交");
                written = await insert.CompleteAsync(ct);
            }
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = db.Time.GetUtcNow().UtcDateTime,
                UserId = options.UserId,
                UserName = options.UserName,
                Entity = nameof(Demand),
                EntityId = "import",
                Action = "Added",
                After = $"导入居民需求（{Demand.ChannelName(options.Channel)}）：新增 {written.Imported} 条，跳过已存在 {written.Skipped} 条",
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new ImportResult(written.Imported, written.Skipped, [], 0);
        }
        finally
        {
            db.SuppressRowAudit = false;
            db.ChangeTracker.Clear();
        }
    }

    public static IEnumerable<string> RequiredColumns(DemandChannel channel) =>
        channel == DemandChannel.Hotline
            ? [ImportColumns.CaseNumber, ImportColumns.Time, ImportColumns.Text]
            : [ImportColumns.Time, ImportColumns.Text];

    /// <summary>The need a row describes, or null after reporting each problem of the row.</summary>
    private Demand? Parse(ImportRow row, ImportOptions options, Action<ImportError> fail, bool checkOnly = false)
    {
        var ok = true;
        void Bad(string column, string problem) { ok = false; fail(new ImportError(row.RowNumber, column, problem)); }

        var text = row[ImportColumns.Text];
        if (DemandRules.ValidateText(text) is { } textError) Bad(ImportColumns.Text, textError);

        var caseNumber = row[ImportColumns.CaseNumber];
        if (caseNumber is null && options.Channel == DemandChannel.Hotline) Bad(ImportColumns.CaseNumber, "案件编号不能为空");
        else if (caseNumber is { Length: > 64 }) Bad(ImportColumns.CaseNumber, "案件编号不能超过 64 个字符");

        DateTime submittedUtc = default;
        var time = row[ImportColumns.Time];
        if (time is null) Bad(ImportColumns.Time, "时间不能为空");
        else if (!DateTime.TryParseExact(time, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            Bad(ImportColumns.Time, $"无法识别的时间「{Shorten(time)}」，应如 2024-03-05 14:30");
        // The rule of the single need form (DemandRules.ValidateCollectedOn) holds for every imported row.
        else if (DemandRules.ValidateCollectedOn(DateOnly.FromDateTime(local), ChinaDate.Today(db.Time)) is { } dateError)
            Bad(ImportColumns.Time, $"{dateError}（文件中为「{Shorten(time)}」）");
        else submittedUtc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaDate.Zone);

        var location = row[ImportColumns.Location];
        if (location is { Length: > 500 }) Bad(ImportColumns.Location, "地点不能超过 500 字");
        var category = row[ImportColumns.Category];
        if (category is { Length: > 100 }) Bad(ImportColumns.Category, "类别不能超过 100 字");

        int regionId = 0;
        var community = row[ImportColumns.Community];
        if (community is not null)
        {
            if (_communities!.Find(community) is { } id) regionId = id;
            else Bad(ImportColumns.Community, $"坪山区没有「{Shorten(community)}」这个社区");
        }
        else if (location is not null && _communities!.FindInAddress(location) is { } byAddress) regionId = byAddress;
        else Bad(location is null ? ImportColumns.Community : ImportColumns.Location, "无法确定所属社区：请填写“社区”列，或在地点中写明社区名");
        if (regionId != 0 && options.AllowedRegionIds is { } allowed && !allowed.Contains(regionId))
            Bad(ImportColumns.Community, "该社区不在您的管辖范围内");

        AgeBand? age = null;
        if (row[ImportColumns.AgeBand] is { } ageText)
        {
            age = Enum.GetValues<AgeBand>().Cast<AgeBand?>().FirstOrDefault(a => Same(DemandProfile.Name(a!.Value), ageText));
            if (age is null) Bad(ImportColumns.AgeBand, $"年龄段「{Shorten(ageText)}」无法识别");
        }
        ResidentType? type = null;
        if (row[ImportColumns.ResidentType] is { } typeText)
        {
            type = Enum.GetValues<ResidentType>().Cast<ResidentType?>().FirstOrDefault(t => Same(DemandProfile.Name(t!.Value), typeText));
            if (type is null) Bad(ImportColumns.ResidentType, $"居民类型「{Shorten(typeText)}」无法识别");
        }

        if (!ok) return null;
        return new Demand
        {
            Text = text!,
            Channel = options.Channel,
            RegionId = regionId,
            SubmittedAtUtc = submittedUtc,
            Status = DemandStatus.Pending,
            TrackingCode = checkOnly ? null : DemandRules.NewTrackingCode(),
            ExternalCaseNumber = caseNumber,
            Location = location,
            Category = category,
            AgeBand = age,
            ResidentType = type,
            RecordedByUserId = options.UserId,
        };
    }

    private static bool Same(string name, string text) =>
        string.Equals(name.Replace(" ", ""), text.Replace(" ", "").Replace("-", "–"), StringComparison.Ordinal)
        || name.Replace(" ", "").StartsWith(text.Replace(" ", ""), StringComparison.Ordinal) && text.Length >= 2;

    private static string Shorten(string s) => s.Length > 30 ? s[..30] + "…" : s;

    /// <summary>Communities by code, full name and short name; address matching prefers the longest name found.</summary>
    private sealed class CommunityLookup(Dictionary<string, int> byName, List<(string Name, int Id)> names, List<string> higher)
    {
        public static async Task<CommunityLookup> LoadAsync(WeishiDbContext db, CancellationToken ct)
        {
            var all = await db.Regions.AsNoTracking().Select(r => new { r.Id, r.Code, r.Name, r.ShortName, r.Level }).ToListAsync(ct);
            var list = all.Where(r => r.Level == RegionLevel.Community).ToList();
            // 坪山区 and 坪山街道 contain the community name 坪山: remove district and subdistrict names before matching.
            var higher = all.Where(r => r.Level != RegionLevel.Community)
                .SelectMany(r => new[] { r.Name, r.ShortName + (r.Level == RegionLevel.District ? "区" : "街道") })
                .Distinct().OrderByDescending(n => n.Length).ToList();
            var byName = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var r in list)
            {
                byName[r.Code] = r.Id;
                byName[r.Name] = r.Id;
                byName[r.ShortName] = r.Id;
                byName[Bare(r.ShortName)] = r.Id;
            }
            var names = list.SelectMany(r => new[] { (r.ShortName, r.Id), (Bare(r.ShortName), r.Id) })
                .Where(n => n.Item1.Length >= 2).OrderByDescending(n => n.Item1.Length).ToList();
            return new CommunityLookup(byName, names, higher);
        }

        /// <summary>六联社区 → 六联, as people often write it.</summary>
        private static string Bare(string shortName) =>
            shortName.EndsWith("社区", StringComparison.Ordinal) && shortName.Length > 3 ? shortName[..^2] : shortName;

        public int? Find(string text) => byName.TryGetValue(text.Trim(), out var id) ? id : null;

        public int? FindInAddress(string address)
        {
            foreach (var name in higher)
                address = address.Replace(name, " ", StringComparison.Ordinal);
            foreach (var (name, id) in names)
                if (address.Contains(name, StringComparison.Ordinal)) return id;
            return null;
        }
    }
}
