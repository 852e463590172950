using System.Reflection;

namespace Weishi.BrowserTests;

public class JourneyRulesTests
{
    [Fact]
    public void Every_browser_journey_closes_its_contexts_by_deriving_from_Journey()
    {
        var journeys = typeof(LiveApp).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<CollectionAttribute>().Any() && t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>().Any()))
            .ToList();
        Assert.NotEmpty(journeys);
        Assert.All(journeys, t => Assert.True(t.IsSubclassOf(typeof(Journey)), $"{t.Name} runs on the shared browser but does not derive from Journey"));
    }
}

[Collection(LiveAppCollection.Name)]
public class JourneyContextsJourney(LiveApp app) : Journey(app)
{
    [Fact]
    public async Task A_journey_that_ends_leaves_no_browser_context_open()
    {
        await App.NewPageAsync();
        await App.LoginAsync("district", phone: true);
        Assert.Equal(2, App.Browser.Contexts.Count);

        await new EndedJourney(App).DisposeAsync();

        Assert.Empty(App.Browser.Contexts);
    }

    private sealed class EndedJourney(LiveApp app) : Journey(app);
}
