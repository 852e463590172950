using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Demo;

/// <summary>
/// Satisfaction surveys of the demo years, with the report's findings (五(三)二 surveys as a formality, 五(一) low
/// awareness of the programme): about one project in seventeen is surveyed from the district template; in a few communities
/// every sheet is the same row of top marks filled from one device (flagged as formal); some projects score genuinely low
/// and carry a rectification with the community's actions and the contractor's answer; few residents knew the programme.
/// </summary>
public sealed class DemoSurveyBuilder(WeishiDbContext db)
{
    public const double SurveyedShare = 0.06;
    public const double LowShare = 0.12;
    /// <summary>The report gives no figure for 知晓率 (“整体知晓率不高”); the demo's residents mostly had not heard of it.</summary>
    public const double Awareness = 0.27;

    private readonly Random _rng = new(DemoSeeder.Seed + 7);

    private static readonly string[] Praise =
    [
        "老师讲得很好，内容很实用", "工作人员很耐心，服务很周到", "活动组织得很好，希望以后多办", "孩子很喜欢，收获很大",
        "长者饭堂饭菜干净卫生，价格实惠", "设施建好后出行方便多了",
    ];
    private static readonly string[] Complaints =
    [
        "活动时间安排在工作日上午，上班的人参加不了", "希望多宣传，很多邻居都不知道有这个活动", "场地太小，人多的时候很挤",
        "饭菜偏咸，口味一般", "送餐经常迟到，饭菜送到已经凉了", "施工期间噪音大，围挡不规范", "活动内容和去年差不多，没有新意",
        "报名名额太少，很快就满了", "讲解太快，老年人听不懂",
    ];

    private sealed record Target(int Id, int Year, int RegionId, string Name, ProjectType Type, ProjectCategory Category, int Planned);

    public async Task BuildAsync(CancellationToken ct)
    {
        // The district's choice for the demo: at least 10 answers, or 5 % of the beneficiaries.
        db.SurveySettings.Add(new SurveySetting { SampleFloor = 10, SampleSharePercent = 5 });
        var projects = await db.Projects.IgnoreQueryFilters().AsNoTracking().Where(p => p.Year >= 2021 && p.Year <= 2023).OrderBy(p => p.Id)
            .Select(p => new Target(p.Id, p.Year, p.RegionId, p.Name, p.Type, p.Category, p.PlannedBeneficiaries)).ToListAsync(ct);
        var chosen = projects.Where(_ => _rng.NextDouble() < SurveyedShare).ToList();
        var ids = chosen.Select(p => p.Id).ToList();
        var sessions = await db.ActivitySessions.IgnoreQueryFilters().Where(s => ids.Contains(s.ProjectId)).GroupBy(s => s.ProjectId)
            .Select(g => new { g.Key, Start = g.Min(s => s.StartsAtUtc), End = g.Max(s => s.EndsAtUtc) }).ToDictionaryAsync(x => x.Key, ct);
        var people = await db.Attendances.IgnoreQueryFilters().Where(a => ids.Contains(a.ProjectId)).GroupBy(a => a.ProjectId)
            .Select(g => new { g.Key, Count = g.Select(a => a.ParticipantId).Distinct().Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var bank = (await db.SurveyQuestions.AsNoTracking().Where(q => !q.IsCore && q.Active).ToListAsync(ct)).OrderBy(q => q.SortOrder).ToList();
        // A few communities fill the forms themselves: identical sheets of top marks.
        var formalCommunities = chosen.Select(p => p.RegionId).Distinct().Order().Where((_, i) => i % 6 == 2).ToHashSet();
        var setting = new SurveySetting { SampleFloor = 10, SampleSharePercent = 5 };

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var built = new List<(Target Project, Survey Survey, List<SurveyResponse> Sheets, List<(int, string)> Targeted, int Participants, bool Low)>();
        foreach (var p in chosen)
        {
            var window = sessions.TryGetValue(p.Id, out var s) ? (s.Start, s.End)
                : (new DateTime(p.Year, 9, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(p.Year, 11, 20, 8, 0, 0, DateTimeKind.Utc));
            var participants = people.GetValueOrDefault(p.Id);
            var beneficiaries = participants > 0 ? participants : p.Planned;
            var survey = new Survey { ProjectId = p.Id, PublicToken = $"demo{p.Id:x8}{_rng.Next():x8}", ServiceStartUtc = window.Item1, CreatedAtUtc = window.Item1 };
            db.Surveys.Add(survey);
            var targeted = bank.Where(q => q.AppliesTo(p.Type, p.Category, p.Name)).Select(q => (q.Id, q.Text)).ToList();
            // Scores are drawn for the type and category's questions as before names were matched, the unfitting ones
            // thrown away: the random stream, and with it every sheet count and total of the demo, stays as it was.
            var drawn = bank.Where(q => q.FitsTypeAndCategory(p.Type, p.Category)).Select(q => q.Id).ToList();
            foreach (var (qid, _) in targeted) db.SurveyItems.Add(new SurveyItem { Survey = survey, ProjectId = p.Id, QuestionId = qid });
            var formal = formalCommunities.Contains(p.RegionId);
            var low = !formal && _rng.NextDouble() < LowShare;
            var minimum = SurveyRules.MinimumSample(beneficiaries, setting);
            var count = Math.Max(1, Math.Min(beneficiaries > 0 ? beneficiaries : 12, minimum + _rng.Next(6)));
            var sheets = new List<SurveyResponse>();
            var device = $"{p.Id:x8}formal";
            for (var i = 0; i < count; i++)
            {
                var at = formal ? window.Item2.AddHours(2).AddMinutes(i) : window.Item2.AddHours(6 + _rng.Next(24 * 20));
                var sheet = formal ? FormalSheet(p, targeted, at, device) : Sheet(p, targeted, drawn, at, low);
                sheet.Survey = survey;
                db.SurveyResponses.Add(sheet);
                sheets.Add(sheet);
            }
            built.Add((p, survey, sheets, targeted, participants, low));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        foreach (var (p, survey, sheets, targeted, participants, low) in built.Where(b => b.Low))
        {
            var report = new SurveyReport(survey, sheets, targeted, SurveyStatistics.Of(sheets), SurveyRules.Items(sheets, targeted),
                FormalityDetector.Detect(sheets, participants, survey.ServiceStartUtc), participants > 0 ? participants : p.Planned,
                SurveyRules.MinimumSample(participants > 0 ? participants : p.Planned, setting), setting);
            var opened = new DateTime(p.Year, 12, 20, 2, 0, 0, DateTimeKind.Utc);
            if (SurveyOpening.Assess(report, regions[p.RegionId] + "工作人员", opened).Opened is not { } rectification) continue;
            rectification.CommunityActions = "已约谈承接单位，调整活动时间并增加周末场次，下一年度同类项目按低分项修改服务方案";
            rectification.ActionsAtUtc = opened.AddDays(10);
            var meals = targeted.Any(q => bank.Single(b => b.Id == q.Item1).NameKeywords == CoreQuestions.MealKeywords);
            rectification.ContractorAnswer = meals
                ? "已更换服务人员并加强培训，菜品和送餐时间按居民意见调整" : "已更换服务人员并加强培训，活动时间和内容按居民意见调整";
            rectification.AnsweredAtUtc = opened.AddDays(14);
            db.Rectifications.Add(rectification);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    public static async Task ClearAsync(WeishiDbContext db, CancellationToken ct)
    {
        await db.Rectifications.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.SurveyItemAnswers.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.SurveyResponses.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.SurveyInvitations.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.SurveyItems.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.Surveys.IgnoreQueryFilters().ExecuteDeleteAsync(ct);
        await db.SurveySettings.ExecuteDeleteAsync(ct);
    }

    private static SurveyResponse FormalSheet(Target p, List<(int Id, string Text)> targeted, DateTime at, string device) => new()
    {
        ProjectId = p.Id, Overall = 5, MetNeed = 5, WouldJoinAgain = true, KnewBefore = false, SubmittedAtUtc = at, ClientKey = device,
        Items = targeted.Select(q => new SurveyItemAnswer { ProjectId = p.Id, QuestionId = q.Id, Score = 5 }).ToList(),
    };

    private SurveyResponse Sheet(Target p, List<(int Id, string Text)> targeted, List<int> drawn, DateTime at, bool low)
    {
        int Score() => low ? Pick([1, 2, 2, 3, 3, 3, 4, 4, 5]) : Pick([3, 4, 4, 4, 5, 5, 5, 5, 5, 2]);
        var overall = Score();
        var comment = _rng.NextDouble() < 0.35 ? (overall >= 4 ? Praise[_rng.Next(Praise.Length)] : Complaints[_rng.Next(Complaints.Length)]) : null;
        return new SurveyResponse
        {
            ProjectId = p.Id, Overall = overall, MetNeed = Math.Clamp(overall + _rng.Next(-1, 2), 1, 5), WouldJoinAgain = overall >= 3 || _rng.NextDouble() < 0.2,
            KnewBefore = _rng.NextDouble() < Awareness * 1.1, Comment = comment, SubmittedAtUtc = at, ClientKey = $"{_rng.Next():x8}{_rng.Next():x8}",
            Items = drawn.Select(id => (Id: id, Score: Score())).Where(d => targeted.Any(q => q.Id == d.Id))
                .Select(d => new SurveyItemAnswer { ProjectId = p.Id, QuestionId = d.Id, Score = d.Score }).ToList(),
        };
    }

    private int Pick(int[] values) => values[_rng.Next(values.Length)];
}
