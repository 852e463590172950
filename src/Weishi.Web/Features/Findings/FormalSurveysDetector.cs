using Microsoft.EntityFrameworkCore;
using Weishi.Web.Features.Projects;
using Weishi.Web.Features.Surveys;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Findings;

/// <summary>
/// 五(三)二 满意度调查流于形式: surveys showing the formality flags of <see cref="FormalityDetector"/>. The flags look at
/// answer patterns (bursts, identical sheets), so the answers' few columns are read in one query and judged per survey.
/// </summary>
public sealed class FormalSurveysDetector(WeishiDbContext db, RecommendationLibrary library) : IFindingDetector
{
    public string Type => FindingTypes.FormalSurveys;

    public async Task<Finding?> DetectAsync(EvaluationScope scope, CancellationToken ct)
    {
        var s = await FindingScope.ResolveAsync(db, scope, ct);
        var projectIds = s.Projects(db, ProjectWorkflow.Committed).Select(p => p.Id);
        var surveys = await db.Surveys.AsNoTracking().Where(v => projectIds.Contains(v.ProjectId))
            .Select(v => new { v.Id, v.ProjectId, v.ServiceStartUtc, v.Project!.Code, v.Project.Name, v.Project.RegionId })
            .OrderBy(v => v.Code).ToListAsync(ct);
        if (surveys.Count == 0) return null;
        var answers = (await db.SurveyResponses.AsNoTracking().Where(r => projectIds.Contains(r.ProjectId))
                .Select(r => new { r.SurveyId, r.Overall, r.MetNeed, r.WouldJoinAgain, r.KnewBefore, r.Comment, r.SubmittedAtUtc, r.ClientKey })
                .ToListAsync(ct))
            .ToLookup(r => r.SurveyId, r => new SurveyResponse
            {
                Overall = r.Overall, MetNeed = r.MetNeed, WouldJoinAgain = r.WouldJoinAgain, KnewBefore = r.KnewBefore,
                Comment = r.Comment, SubmittedAtUtc = r.SubmittedAtUtc, ClientKey = r.ClientKey,
            });
        var participants = await db.Attendances.AsNoTracking().Where(a => projectIds.Contains(a.ProjectId))
            .GroupBy(a => a.ProjectId).Select(g => new { g.Key, People = g.Select(a => a.ParticipantId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.People, ct);

        var flagged = surveys
            .Select(v => (Survey: v, Flags: FormalityDetector.Detect(answers[v.Id].ToList(), participants.GetValueOrDefault(v.ProjectId), v.ServiceStartUtc)))
            .Where(x => x.Flags.Count > 0).ToList();
        if (flagged.Count == 0) return null;

        var byCode = flagged.SelectMany(x => x.Flags).GroupBy(f => f.Code).Select(g => $"{Name(g.Key)} {g.Count()} 个").ToList();
        var statement = $"{s.Period}{s.Label}开展满意度测评的 {surveys.Count} 个项目中，{flagged.Count} 个（{FindingScope.Percent(flagged.Count, surveys.Count)}）"
            + $"的答卷呈现走形式迹象（{string.Join("、", byCode)}），测评结果难以反映群众真实意见，对后续项目优化的指导意义不足。";
        var evidence = flagged.Select(x => new FindingEvidence($"{s.Name(x.Survey.RegionId)} {x.Survey.Code} {x.Survey.Name}",
            string.Join("；", x.Flags.Select(f => f.Message)), $"/Surveys/Project/{x.Survey.ProjectId}")).ToList();
        return new Finding(Type, "满意度调查流于形式", statement, evidence, await library.TextAsync(Type, ct));
    }

    private static string Name(string code) => code switch
    {
        "top-marks" => "几乎全为满分",
        "straight-lining" => "直线作答",
        "burst" => "集中提交",
        "over-count" => "答卷多于参与人数",
        "before-service" => "服务前作答",
        _ => code,
    };
}
