using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.ProposalToApproval;

/// <summary>拟承接单位 offers only the contractors the chosen category admits (saving refuses the others anyway).</summary>
[Collection(DemoCollection.Name)]
public class ProposalContractorChoiceTests(DemoApp app)
{
    private Task<List<int>> PoolAsync(ProjectCategory category) => Fixtures.QueryAsync(app.Factory, async _ =>
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ContractorEligibility>().PoolAsync(category);
    });

    private static List<int> Offered(AngleSharp.Dom.IParentNode select) =>
        select.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v))
            .Select(v => int.Parse(v!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task The_form_offers_only_contractors_admitted_for_the_chosen_category()
    {
        var elderly = await PoolAsync(ProjectCategory.Elderly);
        var all = await Fixtures.QueryAsync(app.Factory, db => db.Contractors.CountAsync());
        Assert.NotEmpty(elderly);
        Assert.True(elderly.Count < all, "the demo has contractors not admitted for elderly services");

        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        var (_, page) = await staff.GetAsync("/Proposals/Create");
        var select = page.QuerySelector("[data-testid=contractor-choices]")!;
        Assert.Equal(elderly.Order(), Offered(select).Order());
        Assert.Contains("暂未确定", select.TextContent);
    }

    [Fact]
    public async Task Changing_the_category_reloads_the_contractors_of_that_category()
    {
        var works = await PoolAsync(ProjectCategory.Environment);
        var elderly = await PoolAsync(ProjectCategory.Elderly);
        Assert.NotEqual(elderly.Order(), works.Order());

        var staff = await Browser.LoginAsync(app.Factory, "cs-ll");
        // What htmx asks when the category select changes (the form's fields as they are).
        var (_, options) = await staff.GetAsync("/Proposals/ContractorChoices?Input.Category=Environment&Input.ContractorId=");
        Assert.Equal(works.Order(), Offered(options).Order());

        // A contractor already chosen that the new category does not admit stays, marked, so the choice is not lost silently.
        var outsider = elderly.Except(works).First();
        var (_, kept) = await staff.GetAsync($"/Proposals/ContractorChoices?Input.Category=Environment&Input.ContractorId={outsider}");
        var option = kept.QuerySelector($"option[value='{outsider}']")!;
        Assert.True(option.HasAttribute("selected"));
        Assert.Contains("未获准承接该类别", option.TextContent);
    }
}
