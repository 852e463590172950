using Weishi.TextMining.Classification;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Mining;

/// <summary>需求分析 and the projects made from it speak of one set of categories, by the same Chinese names.</summary>
public sealed class CategoryNameTests
{
    [Fact]
    public void Every_project_category_has_the_same_Chinese_name_in_demand_mining()
    {
        foreach (var category in Enum.GetValues<ProjectCategory>())
        {
            var code = Categories.All.Single(c => string.Equals(c.Replace("_", ""), category.ToString(), StringComparison.OrdinalIgnoreCase));
            Assert.Equal(ProjectNames.Category(category), Categories.ChineseName(code));
        }
    }
}
