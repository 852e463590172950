using Weishi.Web.Features.Surveys;

namespace Weishi.Tests.Surveys;

/// <summary>Free-text answers are grouped by topic with the text-mining library, largest topic first.</summary>
public class CommentTopicsTests
{
    [Fact]
    public void Comments_on_the_same_subject_fall_into_one_topic_and_blank_ones_are_ignored()
    {
        string[] meals = ["饭菜口味偏咸，希望少放盐", "饭菜太咸了，老人吃不惯", "希望饭菜少盐少油", "饭菜口味可以再清淡一些"];
        string[] times = ["活动时间安排在上班时间，年轻人来不了", "希望活动时间改到周末", "活动时间太早，赶不上"];
        var topics = CommentTopics.Group([.. meals, null, "   ", .. times]);

        Assert.Equal(meals.Length + times.Length, topics.Sum(t => t.Comments.Count));
        var mealTopic = topics.Single(t => t.Comments.Contains(meals[0]));
        Assert.Subset(mealTopic.Comments.ToHashSet(), meals.ToHashSet());
        Assert.DoesNotContain(times[0], mealTopic.Comments);
        Assert.Contains("饭菜", mealTopic.Label);
        Assert.True(topics[0].Comments.Count >= topics[^1].Comments.Count);
    }

    [Fact]
    public void No_comments_give_no_topics() => Assert.Empty(CommentTopics.Group([null, "", " "]));
}
