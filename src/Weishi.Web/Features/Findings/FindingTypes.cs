namespace Weishi.Web.Features.Findings;

/// <summary>The finding types, their names, and the default recommendations drawn from the source report's 六.</summary>
public static class FindingTypes
{
    public const string DemandSupply = "demand-supply";
    public const string Screening = "screening";
    public const string Supervision = "supervision";
    public const string OneOff = "one-off";
    public const string Beneficiaries = "beneficiaries";
    public const string FormalSurveys = "formal-surveys";
    public const string UnitCost = "unit-cost";
    public const string Upkeep = "upkeep";

    public sealed record Kind(string Type, string Name, string DefaultRecommendation);

    public static readonly IReadOnlyList<Kind> All =
    [
        new(DemandSupply, "供需失衡",
            "提升政策宣传效果，促进供需精准匹配。保持宣传常态化，引导广大群众更好地了解并享受“民生微实事”政策福利；在项目征集阶段，社区党委需对项目覆盖群体进行调研，尤其对于没有或较少参加意见征集的居民要主动了解、着重纳入；拓展专题网站、微信公众号、“民生诉求系统”等需求收集渠道，从多样化需求数据中高效识别群众诉求，使项目与居民需求一一对应。"),
        new(Screening, "项目筛选标准不明确",
            "明晰项目筛选标准。主管部门应加强制度供给，发布可操作的筛选评分标准，要求居民议事会按标准逐项评分并公开排序；偏离排序确定项目的，须书面说明理由并予以公示。"),
        new(Supervision, "过程监管缺位",
            "加强项目过程监管。街道和社区需加强对“民生微实事”项目服务深度及服务效果的监督，落实抽查和活动记录制度，确保项目方实施内容与申报内容一致，发现偏差及时责令整改。"),
        new(OneOff, "一次性服务类项目过半",
            "提升项目可持续性。对一次性服务类项目从严审核，优先支持有持续服务安排的项目；加强对项目服务深度及服务效果的监督，避免以一次性活动代替持续服务。"),
        new(Beneficiaries, "服务对象固化、受益人数不达预期",
            "扩大服务覆盖面。项目前期应充分招募参与者，社区党委对项目覆盖群体进行调研，主动了解没有或较少参与的居民并着重纳入；对受益人数未达申报目标的项目督促整改，并作为承接单位考核依据。"),
        new(FormalSurveys, "满意度调查流于形式",
            "科学开展满意度调查。督促项目方重视满意度调查环节，不要求“大而全”，而是根据项目执行内容针对性设置问题，确保问题能够客观反映群众意见；重视写好满意度调查的“后半篇文章”，结合群众反馈意见进一步优化后续类似项目。"),
        new(UnitCost, "功能相似项目资金投入差异大",
            "发挥最大财政效益办实事。在项目申报审核环节，从功能角度进行评估，关注是否能够以最优项目设计方案实现相同功能；针对同类项目，由区主管部门牵头各街道不定期开展座谈会，交流项目开展方式及开展成效，切实提升财政资金使用效益。"),
        new(Upkeep, "工程类项目后续管养缺位",
            "明晰工程类项目后续管养责任。工程类项目需在制度层面明晰后续管养责任主体及经费安排，可在“民生微实事”经费中调配部分资金用于工程类项目后续管养，让工程类项目具备可持续性。"),
    ];

    public static Kind? Find(string? type) => All.FirstOrDefault(k => k.Type == type);
}
