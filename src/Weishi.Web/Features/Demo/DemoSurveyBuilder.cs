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

    /// <summary>What a project's residents can remark on: meals, another service, works or goods.</summary>
    private enum Kind { Meals, Service, Works, Goods }

    // Each kind has as many remarks of each sort as every other kind, all different, and a sheet takes the remark at
    // the index drawn: the random stream, the number of comments and which sheets of a project read alike (what the
    // formality check looks at) stay as they were when one list served every project.
    private static readonly Dictionary<Kind, string[]> Praise = new()
    {
        [Kind.Meals] = ["长者饭堂饭菜干净卫生，价格实惠", "饭菜可口，分量足", "工作人员很耐心，服务很周到", "送餐准时，饭菜还是热的",
            "老人吃饭方便多了，子女也放心", "菜式经常换，吃得不腻"],
        [Kind.Service] = ["老师讲得很好，内容很实用", "工作人员很耐心，服务很周到", "活动组织得很好，希望以后多办", "参加以后收获很大",
            "社工很热心，经常上门了解情况", "活动形式新颖，大家都很喜欢"],
        [Kind.Works] = ["设施建好后出行方便多了", "施工质量不错，用起来很放心", "改造后环境好多了", "文明施工，很快就完工了",
            "完工后邻居们都说好", "维修及时，老问题解决了"],
        [Kind.Goods] = ["物资质量不错，很实用", "设备装好后用起来很方便", "发放过程公开透明", "配置的设施老人小孩都能用",
            "物资送到家门口，很贴心", "坏了报修，很快就有人来"],
    };
    private static readonly Dictionary<Kind, string[]> Complaints = new()
    {
        [Kind.Meals] = ["饭菜偏咸，口味一般", "送餐经常迟到，饭菜送到已经凉了", "希望多宣传，很多邻居都不知道有这个服务", "菜式太单一，天天差不多",
            "用餐时间太早，不方便", "饭堂座位太少，人多的时候很挤", "饭菜偏硬，老人咬不动", "价格有点贵，希望再实惠些", "打饭排队时间太长"],
        [Kind.Service] = ["活动时间安排在工作日上午，上班的人参加不了", "希望多宣传，很多邻居都不知道有这个活动", "场地太小，人多的时候很挤",
            "活动内容和去年差不多，没有新意", "报名名额太少，很快就满了", "讲解太快，老年人听不懂", "活动时间太短，意犹未尽",
            "服务人员经常更换，不熟悉情况", "通知太晚，来不及安排时间"],
        [Kind.Works] = ["施工期间噪音大，围挡不规范", "希望多宣传，很多邻居都不知道改造了什么", "工期拖得太长", "施工后垃圾没有及时清理",
            "有些地方做得比较粗糙", "施工前没有征求居民意见", "材料看起来一般，担心不耐用", "施工占道，出行不方便", "完工后有小问题，报修没人管"],
        [Kind.Goods] = ["希望多宣传，很多邻居都不知道可以领取", "物资数量太少，很多人没领到", "设备质量一般，用了不久就坏了", "发放时间没有提前通知",
            "安装位置不太合理", "不会使用，希望有人讲解", "款式选择太少", "发放点太远，老人不方便", "报修后很久才有人来"],
    };

    /// <summary>The contractor's answer to a rectification, fitting what the project delivered.</summary>
    private static readonly Dictionary<Kind, string> Answers = new()
    {
        [Kind.Meals] = "已更换服务人员并加强培训，菜品和送餐时间按居民意见调整",
        [Kind.Service] = "已更换服务人员并加强培训，活动时间和内容按居民意见调整",
        [Kind.Works] = "已对做工粗糙的部位返工整改，并加强文明施工和完工后的报修响应",
        [Kind.Goods] = "已更换有质量问题的物资，补发不足部分，并上门讲解使用方法",
    };

    /// <summary>The community's actions on a rectification: a service changes its sessions, works and goods their delivery.</summary>
    private static string Actions(Kind kind) => kind is Kind.Works or Kind.Goods
        ? "已约谈承接单位，督促按低分项整改，下一年度同类项目在实施方案中明确质量和验收要求"
        : "已约谈承接单位，调整活动时间并增加周末场次，下一年度同类项目按低分项修改服务方案";

    private sealed record Target(int Id, int Year, int RegionId, string Name, ProjectType Type, ProjectCategory Category, int Planned);

    /// <summary>Meals when the survey asks the meal questions (the name is a meal service's), else the project's type.</summary>
    private static Kind KindOf(Target p, IReadOnlyList<SurveyQuestion> bank) =>
        bank.Any(q => q.NameKeywords == CoreQuestions.MealKeywords && q.AppliesTo(p.Type, p.Category, p.Name)) ? Kind.Meals
        : p.Type switch { ProjectType.Works => Kind.Works, ProjectType.Goods => Kind.Goods, _ => Kind.Service };

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
        var built = new List<(Target Project, Kind Kind, Survey Survey, List<SurveyResponse> Sheets, List<(int, string)> Targeted, int Participants, bool Low)>();
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
            var kind = KindOf(p, bank);
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
                var sheet = formal ? FormalSheet(p, targeted, at, device) : Sheet(p, kind, targeted, drawn, at, low);
                sheet.Survey = survey;
                db.SurveyResponses.Add(sheet);
                sheets.Add(sheet);
            }
            built.Add((p, kind, survey, sheets, targeted, participants, low));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        foreach (var (p, kind, survey, sheets, targeted, participants, low) in built.Where(b => b.Low))
        {
            var report = new SurveyReport(survey, sheets, targeted, SurveyStatistics.Of(sheets), SurveyRules.Items(sheets, targeted),
                FormalityDetector.Detect(sheets, participants, survey.ServiceStartUtc), participants > 0 ? participants : p.Planned,
                SurveyRules.MinimumSample(participants > 0 ? participants : p.Planned, setting), setting);
            var opened = new DateTime(p.Year, 12, 20, 2, 0, 0, DateTimeKind.Utc);
            if (SurveyOpening.Assess(report, regions[p.RegionId] + "工作人员", opened).Opened is not { } rectification) continue;
            rectification.CommunityActions = Actions(kind);
            rectification.ActionsAtUtc = opened.AddDays(10);
            rectification.ContractorAnswer = Answers[kind];
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

    private SurveyResponse Sheet(Target p, Kind kind, List<(int Id, string Text)> targeted, List<int> drawn, DateTime at, bool low)
    {
        int Score() => low ? Pick([1, 2, 2, 3, 3, 3, 4, 4, 5]) : Pick([3, 4, 4, 4, 5, 5, 5, 5, 5, 2]);
        var overall = Score();
        var (praise, complaints) = (Praise[kind], Complaints[kind]);
        var comment = _rng.NextDouble() < 0.35 ? (overall >= 4 ? praise[_rng.Next(praise.Length)] : complaints[_rng.Next(complaints.Length)]) : null;
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
