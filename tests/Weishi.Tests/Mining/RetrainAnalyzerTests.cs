using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.TextMining.Features;
using Weishi.TextMining.Text;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>
/// Both retrainers segment as the mining runs do, with the district's terms (本区词库): a model learns the tokens it
/// will be given. Each test removes what it added (terms, judgements, versions) so other tests' runs are unchanged.
/// </summary>
[Collection(DemoCollection.Name)]
public class RetrainAnalyzerTests(DemoApp app)
{
    [Fact]
    public async Task The_retrained_classifier_learns_a_district_term_as_one_word()
    {
        // A word the shipped dictionary cuts, whose feature row the shipped model does not have (hashed features share
        // rows: a word whose row another feature already uses would prove nothing).
        using var shipped = new MemoryStream();
        CategoryClassifier.Default.Model.Save(shipped);
        var shippedRows = FeatureRows(shipped.ToArray()).ToHashSet();
        var term = new[] { "腰旗橄榄球", "飞盘躲避球", "桨板冲浪", "匹克球", "旱地冰壶", "柔力球" }
            .First(t => !TextAnalyzer.Default.Terms("周末想打" + t).Contains(t) && !shippedRows.Contains(Row(t)));
        string[] texts = [$"希望社区组织{term}比赛", $"想在社区学{term}", $"{term}场地希望社区协调", $"青少年想参加{term}"];
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2231, texts);
        int? versionId = null;
        try
        {
            await QueryAsync(app.Factory, async db =>
            {
                db.SegmentationTerms.Add(new SegmentationTerm { Word = term, Tag = "nz", CreatedByName = "测试", CreatedAtUtc = DateTime.UtcNow });
                foreach (var d in await db.Demands.Where(d => ids.Contains(d.Id)).ToListAsync())
                {
                    db.CategoryCorrections.Add(new CategoryCorrection
                    {
                        DemandId = d.Id, RegionId = d.RegionId, Text = d.Text, SuggestedCategory = Categories.Convenience, Category = Categories.Culture,
                        CorrectedByName = "测试", CorrectedAtUtc = DateTime.UtcNow,
                    });
                }
                return await db.SaveChangesAsync();
            });

            var (result, refusal) = await WithScopeAsync(sp => sp.GetRequiredService<ClassifierRetrainer>().RetrainAsync("测试", CancellationToken.None));
            Assert.True(result is not null, refusal);
            versionId = result.VersionId;
            var model = await QueryAsync(app.Factory, db => db.ClassifierVersions.Where(v => v.Id == result.VersionId).Select(v => v.Model).SingleAsync());

            // The model file has a row of weights for each feature it learned; the whole word's is among them.
            Assert.Contains(Row(term), FeatureRows(model));
        }
        finally
        {
            await QueryAsync(app.Factory, async db =>
            {
                await db.CategoryCorrections.Where(c => ids.Contains(c.DemandId)).ExecuteDeleteAsync();
                await db.ClassifierVersions.Where(v => v.Id == versionId).ExecuteDeleteAsync();
                return await db.SegmentationTerms.Where(t => t.Word == term).ExecuteDeleteAsync();
            });
        }
    }

    [Fact]
    public async Task The_retrained_duplicate_model_sees_a_district_place_as_a_place()
    {
        // With the shipped dictionary 聚龙山 is no place, and the two needs can be compared; as a district place (ns)
        // they are about two places and can never be one need, so the retrainer has fewer pairs to learn from.
        const string place = "聚龙山";
        string[] tails = ["", "，谢谢", "，急", "！"];
        var texts = tails.SelectMany(t => new[] { "聚龙山那边的路灯坏了好久，晚上走路很黑" + t, "金龟村那边的路灯坏了好久，晚上走路很黑" + t }).ToArray();
        var ids = await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2232, texts);
        var versions = new List<int>();
        try
        {
            await QueryAsync(app.Factory, async db =>
            {
                var needs = await db.Demands.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Id).ToListAsync();
                for (var k = 0; k < needs.Count; k += 2)
                    db.DuplicateDecisions.Add(DuplicateDecision.Between(needs[k], needs[k + 1], true, null, null, "测试", DateTime.UtcNow));
                return await db.SaveChangesAsync();
            });
            var without = await ComparableAsync(versions);

            await QueryAsync(app.Factory, db =>
            {
                db.SegmentationTerms.Add(new SegmentationTerm { Word = place, Tag = "ns", CreatedByName = "测试", CreatedAtUtc = DateTime.UtcNow });
                return db.SaveChangesAsync();
            });
            var with = await ComparableAsync(versions);

            Assert.True(with < without, $"comparable pairs with the place {with}, without {without}");
        }
        finally
        {
            await QueryAsync(app.Factory, async db =>
            {
                await db.DuplicateDecisions.Where(d => ids.Contains(d.DemandId)).ExecuteDeleteAsync();
                await db.PairModelVersions.Where(v => versions.Contains(v.Id)).ExecuteDeleteAsync();
                return await db.SegmentationTerms.Where(t => t.Word == place).ExecuteDeleteAsync();
            });
        }
    }

    /// <summary>Retrains the duplicate model and reads from the stored model how many judged pairs it could compare.</summary>
    private async Task<int> ComparableAsync(List<int> versions)
    {
        var (result, refusal) = await WithScopeAsync(sp => sp.GetRequiredService<PairModelRetrainer>().RetrainAsync("测试", CancellationToken.None));
        Assert.True(result is not null, refusal);
        versions.Add(result.VersionId);
        var model = Encoding.UTF8.GetString(await QueryAsync(app.Factory, db => db.PairModelVersions.Where(v => v.Id == result.VersionId).Select(v => v.Model).SingleAsync()));
        var line = model.Split('\n').Single(l => l.StartsWith("# staff decisions:", StringComparison.Ordinal));
        var words = line.Split(' ');
        return int.Parse(words[Array.IndexOf(words, "comparable") - 1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>The model's row of a word's feature (see FeatureHasher).</summary>
    private static int Row(string word) => (int)(TermHash.Of(word) & (FeatureHasher.Dimension - 1));

    private static List<int> FeatureRows(byte[] model)
    {
        using var reader = new StreamReader(new GZipStream(new MemoryStream(model), CompressionMode.Decompress), Encoding.UTF8);
        var rows = new List<int>();
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && char.IsAsciiDigit(line[0])) rows.Add(int.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture));
        return rows;
    }
}
