using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Features.Accounts;
using Weishi.Web.Features.Evaluation;
using Weishi.Web.Infrastructure.Auth;
using Weishi.Web.Infrastructure.Data;
using Xunit;

namespace Weishi.Tests.Evaluation;

/// <summary>One edit rule (<see cref="EvaluationAccess.CanEditOwner"/>) for the pages and the context's save check.</summary>
[Collection(DemoCollection.Name)]
public class EvaluationAccessTests(DemoApp app)
{
    private static UserScope User(string name, AppRole role, params int[] regions) =>
        new("x", name, role == AppRole.FinanceEvaluator, false, regions, null, new HashSet<AppRole> { role });

    [Fact]
    public async Task District_evaluations_are_the_evaluators_and_a_self_evaluation_its_communitys_on_the_page_and_on_save()
    {
        var liuLian = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuLian);
        var liuHe = await TestData.RegionIdAsync(app.Factory, Fixtures.LiuHe);
        var finance = User("finance", AppRole.FinanceEvaluator);
        var ownCommunity = User("cs-ll", AppRole.CommunityStaff, liuLian);
        var otherCommunity = User("cs-lh", AppRole.CommunityStaff, liuHe);

        Assert.True(EvaluationAccess.CanEditOwner(finance, null));
        Assert.False(EvaluationAccess.CanEditOwner(ownCommunity, null));
        Assert.True(EvaluationAccess.CanEditOwner(ownCommunity, liuLian));
        Assert.False(EvaluationAccess.CanEditOwner(otherCommunity, liuLian));
        Assert.False(EvaluationAccess.CanEditOwner(finance, liuLian));

        int district, self;
        using (var scope = app.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WeishiDbContext>();
            var tree = await db.Set<IndicatorTree>().Select(t => t.Id).FirstAsync();
            PerformanceEvaluation New(int? owner) => new()
            {
                Title = "权限测试", TreeId = tree, ScopeKind = owner is null ? EvaluationScopeKind.District : EvaluationScopeKind.Community,
                RegionIds = owner is null ? "" : $"{owner}", FromYear = 2089, ToYear = 2089, OwnerRegionId = owner, CreatedAtUtc = DateTime.UtcNow,
            };
            var (d, s) = (New(null), New(liuLian));
            db.AddRange(d, s);
            await db.SaveChangesAsync();
            (district, self) = (d.Id, s.Id);
        }

        async Task<string?> SaveScoreAsync(UserScope user, int evaluationId, string node)
        {
            using var scope = app.Factory.Services.CreateScope();
            var db = app.Factory.CreateDbContext(scope, user);
            db.Add(new EvaluationScore { EvaluationId = evaluationId, NodeCode = node, Score = 1, Reason = "测试" });
            try { await db.SaveChangesAsync(); return null; }
            catch (ScopeViolationException e) { return e.Message; }
        }

        Assert.Equal("只有区财政评价组或区主管部门可以修改全区绩效评价", await SaveScoreAsync(ownCommunity, district, "A1-1"));
        Assert.Null(await SaveScoreAsync(finance, district, "A1-2"));
        Assert.Equal("您无权修改其他社区或街道的数据", await SaveScoreAsync(otherCommunity, self, "S1-1"));
        Assert.Equal("您无权修改其他社区或街道的数据", await SaveScoreAsync(finance, self, "S1-2"));
        Assert.Null(await SaveScoreAsync(ownCommunity, self, "S1-3"));
    }
}
