using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Weishi.Tests.Demands;
using Weishi.Tests.Infrastructure;
using Weishi.TextMining.Classification;
using Weishi.Web.Features.Mining;
using static Weishi.Tests.Mining.MiningHelpers;

namespace Weishi.Tests.Mining;

/// <summary>
/// A stored category model this version of the app cannot read (hashed to another dimension before an upgrade, or
/// damaged) is passed over: mining goes on with the newest readable version and the models page shows it out of use.
/// On the pair-model collection's database, as stored versions change what later runs use.
/// </summary>
[Collection(PairModelCollection.Name)]
public class UnreadableClassifierTests(DemoApp app)
{
    private static ClassifierVersion Version(string by, byte[] model) =>
        new() { CreatedAtUtc = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), CreatedByName = by, Model = model };

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionMode.Compress))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    [Fact]
    public async Task Mining_passes_over_a_stored_classifier_it_cannot_read()
    {
        using var shipped = new MemoryStream();
        CategoryClassifier.Default.Model.Save(shipped);
        var ids = await QueryAsync(app.Factory, async db =>
        {
            var readable = Version("可读", shipped.ToArray());
            db.ClassifierVersions.Add(readable);
            await db.SaveChangesAsync();
            var otherDimension = Version("升级前", Gzip("weishi-category-model 1\ndimension 1024\nclasses a b\nbias 0 0\n\n"));
            var damaged = Version("损坏", Encoding.UTF8.GetBytes("not a model"));
            db.ClassifierVersions.AddRange(otherDimension, damaged);
            await db.SaveChangesAsync();
            return (Readable: readable.Id, OtherDimension: otherDimension.Id, Damaged: damaged.Id);
        });
        try
        {
            await AddDemandsAsync(app.Factory, DemandHelpers.LiuLian, 2191, "希望小区增设充电桩", "社区能否组织长者健康讲座");
            var run = await RunAsync(app.Factory, await Browser.LoginAsync(app.Factory, "cs-ll"), DemandHelpers.LiuLian, 2191);
            Assert.Equal(ids.Readable, run.ClassifierVersionId);

            var (_, models) = await (await Browser.LoginAsync(app.Factory, "district")).GetAsync("/Mining/Retrain");
            string Use(int id) => models.QuerySelector($"[data-testid=version-use][data-model=classifier][data-version='{id}']")!.TextContent;
            Assert.Contains("使用中", Use(ids.Readable));
            Assert.Contains("未使用", Use(ids.OtherDimension));
            Assert.Contains("未使用", Use(ids.Damaged));
        }
        finally
        {
            // Later tests of this database start from the shipped model again.
            await QueryAsync(app.Factory, db => db.ClassifierVersions.Where(v => v.Id >= ids.Readable)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Retired, true)));
        }
    }
}
