using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Infrastructure.Data;
using Xunit;

namespace Weishi.Tests.Evaluation;

/// <summary>
/// The shipped indicator trees are reference data: added by the application's start-up (also without demo data), once,
/// and never by opening a page. On an app of its own: the test deletes the trees.
/// </summary>
public class DefaultTreesStartupTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static async Task<T> QueryAsync<T>(WeishiAppFactory factory, Func<WeishiDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<WeishiDbContext>());
    }

    private static Task<Dictionary<TreeKind, int>> TreesPerKindAsync(WeishiAppFactory factory) => QueryAsync(factory, db =>
        db.Set<IndicatorTree>().GroupBy(t => t.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count));

    [Fact]
    public async Task A_start_without_demo_data_adds_the_trees_once_and_viewing_the_pages_adds_none()
    {
        var expected = new Dictionary<TreeKind, int> { [TreeKind.Programme] = 1, [TreeKind.SelfEvaluation] = 1 };
        int nodes;
        await using (var first = new WeishiAppFactory(_db, seedDemo: false))
        {
            Assert.Equal(expected, await TreesPerKindAsync(first));
            nodes = await QueryAsync(first, db => db.Set<IndicatorNode>().CountAsync());
            Assert.Equal(DefaultTrees.Programme().Nodes.Count + DefaultTrees.SelfEvaluation().Nodes.Count, nodes);
        }

        await using var second = new WeishiAppFactory(_db, seedDemo: false);   // a second start of the same database
        Assert.Equal(expected, await TreesPerKindAsync(second));
        await QueryAsync(second, async db => { await StartupTasks.EnsureReferenceDataAsync(db); return 0; });
        Assert.Equal(expected, await TreesPerKindAsync(second));
        // The official regions are reference data too: a start without the demo can create accounts for them.
        Assert.Equal(Weishi.Web.Features.Regions.RegionSeed.ReadRows().Count, await QueryAsync(second, db => db.Regions.IgnoreQueryFilters().CountAsync()));
        Assert.Equal(nodes, await QueryAsync(second, db => db.Set<IndicatorNode>().CountAsync()));

        // With the trees gone, reading the pages that list them writes nothing.
        await QueryAsync(second, db => db.Set<IndicatorTree>().ExecuteDeleteAsync());
        var (code, _, err) = await CliRunner.RunAsync(second, "create-user", "--user", "fin-trees", "--password", "Treepass123", "--role", "FinanceEvaluator", "--scope", "440310");
        Assert.True(code == 0, err);
        var finance = await Browser.LoginAsync(second, "fin-trees", "Treepass123");
        var (listStatus, list) = await finance.GetAsync("/Evaluation/Trees");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Empty(list.QuerySelectorAll("[data-testid=trees] tbody tr"));
        Assert.Equal(HttpStatusCode.OK, (await finance.GetAsync("/Evaluation/Create")).Status);
        Assert.Empty(await TreesPerKindAsync(second));
        Assert.Equal(0, await QueryAsync(second, db => db.Set<IndicatorNode>().CountAsync()));
    }
}
