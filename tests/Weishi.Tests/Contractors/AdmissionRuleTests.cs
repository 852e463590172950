using Weishi.Web.Features.Contractors.Admission;
using Weishi.Web.Features.Projects;

namespace Weishi.Tests.Contractors;

/// <summary>Each admission rule on crafted profiles, evaluated without a database.</summary>
public class AdmissionRuleTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static AdmissionFacts Good() => new(new DateOnly(2015, 1, 1), 10, 4, 4, [], ["中级社会工作师", "心理咨询师"]);

    private static AdmissionVerdict Eval(AdmissionFacts facts, AdmissionRule rule, ProjectCategory category = ProjectCategory.Elderly) =>
        AdmissionEvaluator.Evaluate(facts, [rule], category, Today);

    [Fact]
    public void Registered_at_least_a_year()
    {
        var rule = new AdmissionRule { Kind = RuleKind.MinYearsRegistered, Threshold = 1 };
        Assert.Equal(AdmissionDecision.Admitted, Eval(Good() with { RegisteredOn = new DateOnly(2025, 6, 1) }, rule).Decision);
        var young = Eval(Good() with { RegisteredOn = new DateOnly(2025, 6, 2) }, rule);
        Assert.Equal(AdmissionDecision.Refused, young.Decision);
        Assert.Contains("登记成立未满 1 年", young.Reasons.Single());
        var unknown = Eval(Good() with { RegisteredOn = null }, rule);
        Assert.Equal(AdmissionDecision.NeedMaterials, unknown.Decision);
        Assert.Contains("未填写登记成立日期", unknown.Reasons.Single());
    }

    [Fact]
    public void At_least_three_full_time_staff()
    {
        var rule = new AdmissionRule { Kind = RuleKind.MinFullTimeStaff, Threshold = 3 };
        Assert.Equal(AdmissionDecision.Admitted, Eval(Good() with { FullTimeStaff = 3 }, rule).Decision);
        var few = Eval(Good() with { FullTimeStaff = 2 }, rule);
        Assert.Equal(AdmissionDecision.Refused, few.Decision);
        Assert.Contains("专职人员 2 人，少于 3 人", few.Reasons);
    }

    [Fact]
    public void No_violations_in_the_last_two_years()
    {
        var rule = new AdmissionRule { Kind = RuleKind.NoViolationsWithinYears, Threshold = 2 };
        Assert.Equal(AdmissionDecision.Admitted, Eval(Good() with { ViolationDates = [new DateOnly(2024, 6, 1)] }, rule).Decision);
        var recent = Eval(Good() with { ViolationDates = [new DateOnly(2024, 6, 2), new DateOnly(2020, 1, 1)] }, rule);
        Assert.Equal(AdmissionDecision.Refused, recent.Decision);
        Assert.Contains("近 2 年有 1 条违规记录", recent.Reasons);
    }

    [Fact]
    public void A_rating_of_3A_is_preferred_but_never_blocks()
    {
        var rule = new AdmissionRule { Kind = RuleKind.MinOrgRating, Threshold = 3, Outcome = RuleOutcome.Preferred };
        var none = Eval(Good() with { OrgRatingLevel = null }, rule);
        Assert.Equal(AdmissionDecision.Admitted, none.Decision);
        Assert.Contains("未满足优先条件", none.Notes.Single());
        Assert.Empty(Eval(Good() with { OrgRatingLevel = 3 }, rule).Notes);
        var required = new AdmissionRule { Kind = RuleKind.MinOrgRating, Threshold = 3, Outcome = RuleOutcome.Refuse };
        Assert.Equal(AdmissionDecision.Refused, Eval(Good() with { OrgRatingLevel = 2 }, required).Decision);
    }

    [Fact]
    public void A_qualification_required_for_one_category_applies_only_to_it()
    {
        var rule = new AdmissionRule { Kind = RuleKind.RequiredQualification, Threshold = 1, Text = "社会工作师", Category = ProjectCategory.Assistance, Outcome = RuleOutcome.NeedMaterials };
        var without = Good() with { StaffQualifications = ["心理咨询师"] };
        var verdict = Eval(without, rule, ProjectCategory.Assistance);
        Assert.Equal(AdmissionDecision.NeedMaterials, verdict.Decision);
        Assert.Contains("持有“社会工作师”的工作人员 0 人", verdict.Reasons.Single());
        Assert.Equal(AdmissionDecision.Admitted, Eval(without, rule, ProjectCategory.Elderly).Decision);
        Assert.Equal(AdmissionDecision.Admitted, Eval(Good(), rule, ProjectCategory.Assistance).Decision);
    }

    [Fact]
    public void Certified_social_workers_and_inactive_rules()
    {
        var rule = new AdmissionRule { Kind = RuleKind.MinCertifiedSocialWorkers, Threshold = 2 };
        Assert.Equal(AdmissionDecision.Refused, Eval(Good() with { CertifiedSocialWorkers = 1 }, rule).Decision);
        rule.Active = false;
        Assert.Equal(AdmissionDecision.Admitted, Eval(Good() with { CertifiedSocialWorkers = 1 }, rule).Decision);
    }

    [Fact]
    public void A_refusal_outweighs_missing_material_and_all_reasons_are_listed()
    {
        AdmissionRule[] rules =
        [
            new() { Id = 1, Kind = RuleKind.MinYearsRegistered, Threshold = 1 },
            new() { Id = 2, Kind = RuleKind.MinFullTimeStaff, Threshold = 3 },
        ];
        var verdict = AdmissionEvaluator.Evaluate(Good() with { RegisteredOn = null, FullTimeStaff = 1 }, rules, ProjectCategory.Elderly, Today);
        Assert.Equal(AdmissionDecision.Refused, verdict.Decision);
        Assert.Equal(2, verdict.Reasons.Count);
    }
}
