using Weishi.TextMining.Dedup;
using Weishi.TextMining.Segmentation;
using Weishi.TextMining.Text;

namespace Weishi.TextMining.Tests;

/// <summary>A district's own words for the table's concepts (乐龄厨房 is its 长者饭堂), carried by its analyzer.</summary>
public sealed class DistrictConceptTests
{
    // A local programme name the shipped table does not know: nothing in it is a form of any concept.
    private const string Word = "乐龄厨房";

    private static readonly Lazy<TextAnalyzer> WithDistrictForm = new(() => new TextAnalyzer(
        new ChineseSegmenter([.. ChineseSegmenter.DefaultUserWords(), new UserWord(Word)]),
        DomainConcepts.Shipped.WithForms([(Word, "长者饭堂")])));

    private static bool Grouped(TextAnalyzer analyzer, string a, string b) =>
        new DuplicateDetector { Analyzer = analyzer }.FindGroups([a, b]).GroupOf is var g && g[0] >= 0 && g[0] == g[1];

    [Fact]
    public void Two_needs_differing_only_in_a_district_word_are_one_need_once_the_word_is_mapped_to_its_concept()
    {
        const string local = "老人家想要个乐龄厨房", shipped = "老人家想要个长者饭堂";
        Assert.False(Grouped(TextAnalyzer.Default, local, shipped));
        Assert.True(Grouped(WithDistrictForm.Value, local, shipped));
        Assert.Contains(("<长者饭堂>", 9f), NeedSignature.Explain(local, WithDistrictForm.Value));
        Assert.DoesNotContain(NeedSignature.Explain(local, TextAnalyzer.Default), w => w.Word == "<长者饭堂>");
    }

    [Fact]
    public void The_shipped_table_is_the_default_and_adding_forms_leaves_it_unchanged()
    {
        Assert.Same(DomainConcepts.Shipped, TextAnalyzer.Default.Concepts);
        Assert.Same(DomainConcepts.Shipped, new TextAnalyzer(ChineseSegmenter.Default).Concepts);
        var district = WithDistrictForm.Value.Concepts;
        Assert.True(district.IsForm(Word));
        Assert.False(DomainConcepts.Shipped.IsForm(Word));
        Assert.Empty(DomainConcepts.Shipped.Added);
        Assert.Equal([(Word, "长者饭堂")], district.Added);
        Assert.Equal(DomainConcepts.Shipped.Lines.Count, district.Lines.Count);
        var line = district.Lines.Single(l => l.Name == "长者饭堂");
        Assert.Equal([.. DomainConcepts.Shipped.Lines.Single(l => l.Name == "长者饭堂").Forms, Word], line.Forms);
        Assert.Equal('S', line.Kind);
    }

    [Theory]
    [InlineData("乐龄厨房", "没有这个概念")]
    [InlineData("老人食堂", "长者饭堂")]      // already a form of the table
    [InlineData("乐龄厨房乐龄厨房乐", "长者饭堂")] // longer than 8
    [InlineData("", "长者饭堂")]
    [InlineData("希望", "长者饭堂")]          // request boilerplate every need says
    public void Forms_the_table_cannot_take_are_refused(string form, string concept)
    {
        Assert.Throws<ArgumentException>(() => DomainConcepts.Shipped.WithForms([(form, concept)]));
    }

    [Fact]
    public void A_form_given_twice_is_refused()
    {
        Assert.Throws<ArgumentException>(() => DomainConcepts.Shipped.WithForms([(Word, "长者饭堂"), (Word, "送餐")]));
        Assert.Throws<ArgumentException>(() => WithDistrictForm.Value.Concepts.WithForms([(Word, "送餐")]));
    }
}
