using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Demands;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Features.Findings;
using Weishi.Web.Infrastructure.Audit;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Tests.Foundation;

public partial class AuditValueTests
{
    /// <summary>
    /// What must never reach a reader as a value: the code names of the audited types' fields and of their enums' members,
    /// the codes stored for metrics, finding types, needs' categories, population segments and assessment inputs, and
    /// login names (people are shown by name). (Short ones such as Id
    /// or a word tag's "n" could be ordinary text, so only names of three letters or more count.)
    /// </summary>
    private HashSet<string> CodeNames()
    {
        using var scope = app.Factory.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Model;
        var properties = model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType)).SelectMany(t => t.GetProperties()).ToList();
        var enums = properties.Select(p => Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).Where(t => t.IsEnum).Distinct();
        var logins = scope.ServiceProvider.GetRequiredService<WeishiDbContext>().Users.Select(u => u.UserName!).ToList();
        var inputs = scope.ServiceProvider.GetServices<Weishi.Web.Features.Contractors.Assessment.IAssessmentInput>().Select(i => i.Key);
        return properties.Select(p => p.Name)
            .Concat(typeof(Weishi.Web.Features.Contractors.KeyFields).GetProperties().Select(p => p.Name))
            .Concat(enums.SelectMany(Enum.GetNames))
            .Concat(DataMetrics.All.Select(m => m.Code)).Concat(FindingTypes.All.Select(k => k.Type))
            .Concat(Segment.All.Select(s => s.Key)).Append(Segment.Total).Concat(inputs).Concat(Categories.All)
            .Concat(logins)
            .Where(n => n.Length >= 3).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"[A-Za-z][A-Za-z0-9_:\-]*[A-Za-z0-9]")]
    private static partial Regex Word();

    /// <summary>The code names a value's text shows, and any JSON in it.</summary>
    private static IEnumerable<string> CodeIn(string text, HashSet<string> codes)
    {
        if (text.Contains("{\"", StringComparison.Ordinal) || text.Contains("\":", StringComparison.Ordinal) || text.Contains("\\u", StringComparison.Ordinal))
            yield return "JSON";
        foreach (Match word in Word().Matches(text))
            if (codes.Contains(word.Value)) yield return word.Value;
    }

    [Fact]
    public async Task No_page_of_the_audit_log_shows_a_code_name_or_JSON_where_a_Chinese_value_belongs()
    {
        // Values of each kind this log once showed as code, so the walk meets them whatever else has run before it.
        await RequestChangeAsync();
        await PopulationRowLoggedAsync();
        await MetricNodeLoggedAsync(DataMetrics.Find(DataMetrics.Completion)!);

        var codes = CodeNames();
        Assert.Contains("ProposedJson", codes);
        Assert.Contains("age:From60", codes);
        var auditor = await Browser.LoginAsync(app.Factory, "auditor");
        var found = new List<string>();
        var values = 0;
        for (var page = 1; ; page++)
        {
            var (_, doc) = await auditor.GetAsync($"/Audit?page={page}");
            foreach (var row in doc.QuerySelectorAll("[data-testid=audit-table] tbody tr"))
            {
                var entity = row.QuerySelector("[data-testid=audit-entity]")!.GetAttribute("title");
                foreach (var item in row.QuerySelectorAll("[data-testid=audit-changes] li"))
                {
                    values++;
                    found.AddRange(CodeIn(item.TextContent, codes).Select(code => $"{entity}「{item.TextContent.Trim()}」：{code}"));
                }
            }
            var position = Regex.Match(doc.Body!.TextContent, @"第 (\d+) / (\d+) 页");
            if (!position.Success || int.Parse(position.Groups[1].Value) >= int.Parse(position.Groups[2].Value)) break;
        }
        Assert.True(values > 50, $"only {values} values walked");
        Assert.True(found.Count == 0, "审计日志中仍显示代码名称或 JSON：" + string.Join("；", found.Distinct().Take(40)));
    }
}
