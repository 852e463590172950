using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Weishi.Tests.Infrastructure;
using Weishi.Tests.ProposalToApproval;
using Weishi.Web.Infrastructure.Files;

namespace Weishi.Tests.Foundation;

/// <summary>An upload's file name is kept shortened to fit its column, with its extension, never refused for its length.</summary>
[Collection(DemoCollection.Name)]
public class UploadNameTests(DemoApp app)
{
    [Fact]
    public void A_name_that_fits_is_kept_as_it_is()
    {
        var name = new string('a', UploadName.MaxLength - 4) + ".jpg";
        Assert.Equal(name, UploadName.Fit(name));
        Assert.Equal("", UploadName.Fit(""));
    }

    [Fact]
    public void A_long_name_keeps_its_beginning_and_its_extension()
    {
        var name = "IMG_" + new string('9', 242) + ".jpg";
        var kept = UploadName.Fit(name);
        Assert.Equal(UploadName.MaxLength, kept.Length);
        Assert.Equal("IMG_" + new string('9', 192) + ".jpg", kept);
    }

    [Fact]
    public void Characters_are_counted_as_the_database_counts_them_and_never_cut_in_half()
    {
        // 250 characters outside the Basic Multilingual Plane (two UTF-16 units each): 196 of them and ".jpg".
        var rare = UploadName.Fit(string.Concat(Enumerable.Repeat("𠀀", 250)) + ".jpg");
        Assert.Equal(UploadName.MaxLength, rare.EnumerateRunes().Count());
        Assert.Equal(string.Concat(Enumerable.Repeat("𠀀", 196)) + ".jpg", rare);

        // Cut by UTF-16 units, "a" and pairs would end in half a pair.
        var odd = UploadName.Fit("a" + string.Concat(Enumerable.Repeat("😀", 250)) + ".png");
        Assert.Equal("a" + string.Concat(Enumerable.Repeat("😀", 195)) + ".png", odd);

        // A letter with its combining mark stays whole.
        var marked = UploadName.Fit("x" + string.Concat(Enumerable.Repeat("e\u0301", 150)) + ".jpg");
        Assert.Equal("x" + string.Concat(Enumerable.Repeat("e\u0301", 97)) + ".jpg", marked);
    }

    [Fact]
    public void A_name_whose_extension_would_leave_no_room_is_simply_cut()
    {
        var kept = UploadName.Fit("a." + new string('x', 300));
        Assert.Equal("a." + new string('x', UploadName.MaxLength - 2), kept);
    }

    [Fact]
    public void Every_column_holding_an_uploads_name_is_as_long_as_the_shared_limit()
    {
        using var scope = app.Factory.Services.CreateScope();
        var columns = Fixtures.Db(scope).Model.GetEntityTypes()
            .Select(t => t.FindProperty("FileName"))
            .Where(p => p is not null)
            .Select(p => (Entity: p!.DeclaringType.ClrType.Name, Max: p.GetMaxLength()))
            .ToList();
        Assert.Equal(["ApplicationDocument", "AssetPhoto", "EvaluationEvidence", "EvidenceFile"], columns.Select(c => c.Entity).Order().ToArray());
        Assert.All(columns, c => Assert.Equal(UploadName.MaxLength, c.Max));
    }
}
