namespace Weishi.Web.Infrastructure.Audit;

public static partial class AuditNames
{
    /// <summary>
    /// Fields named for one audited type: a name only that type uses, or one that means something else there than on
    /// other types (an indicator's 目标值 against a ballot's rule). Wins over <see cref="Fields"/>.
    /// </summary>
    private static readonly Dictionary<(string Entity, string Field), string> EntityFields = new()
    {
        [("AcceptanceRecord", "AcceptedOn")] = "验收日期",
        [("AcceptanceRecord", "Checklist")] = "验收清单",
        [("AcceptanceRecord", "Committee")] = "验收小组成员",
        [("AcceptanceRecord", "Opinion")] = "验收意见",
        [("AcceptanceRecord", "ReportFileId")] = "验收报告文件编号",
        [("AcceptanceRecord", "Result")] = "验收结论",

        [("ActivitySession", "SignInToken")] = "签到码",
        [("ActivitySession", "Staff")] = "服务人员",
        [("ActivitySession", "HeldOn")] = "活动日期",

        [("AdmissionApplication", "Evaluated")] = "自动评估",
        [("AdmissionApplication", "EvaluationReasons")] = "自动评估理由",
        [("AdmissionApplication", "ReviewNote")] = "审核意见",
        [("AdmissionApplication", "ReviewedAtUtc")] = "审核时间",
        [("AdmissionApplication", "ReviewedBy")] = "审核人",
        [("AdmissionApplication", "Statement")] = "申请说明",

        [("AdmissionRule", "Outcome")] = "不满足时的结果",
        [("AdmissionRule", "Threshold")] = "门槛值",

        [("ApplicationDocument", "ApplicationId")] = "准入申请编号",
        [("ApplicationDocument", "ContentType")] = "文件类型",
        [("ApplicationDocument", "FileName")] = "文件名",
        [("ApplicationDocument", "SizeBytes")] = "文件大小（字节）",
        [("ApplicationDocument", "StoredName")] = "存储文件名",
        [("ApplicationDocument", "UploadedAtUtc")] = "上传时间",

        [("AssessmentWeight", "InputKey")] = "考核指标",

        [("Asset", "CompletedOn")] = "竣工日期",
        [("Asset", "ExpectedLifeYears")] = "预计使用年限",
        [("Asset", "ReserveFromProgramme")] = "管养资金从民生微实事资金中预留",
        [("Asset", "UpkeepBody")] = "管养主体类型",
        [("Asset", "UpkeepBodyName")] = "管养主体名称",
        [("Asset", "ValueFen")] = "资产价值",
        [("Asset", "YearlyReserveFen")] = "年度管养资金",

        [("AssetRecord", "AssetId")] = "项目资产编号",
        [("AssetRecord", "Defects")] = "发现的问题",

        [("Attendance", "ByQr")] = "扫码签到",
        [("Attendance", "ParticipantId")] = "服务对象编号",
        [("Attendance", "SessionId")] = "活动记录编号",
        [("Attendance", "SignedInAtUtc")] = "签到时间",

        [("Ballot", "ClosesAtUtc")] = "截止时间",
        [("Ballot", "MaxChoices")] = "每人最多可选项目数",
        [("Ballot", "OpensAtUtc")] = "开始时间",
        [("Ballot", "Rule")] = "遴选规则",

        [("CategoryCorrection", "Category")] = "更正后类别",
        [("CategoryCorrection", "CorrectedAtUtc")] = "更正时间",
        [("CategoryCorrection", "CorrectedByName")] = "更正人",
        [("CategoryCorrection", "CorrectedByUserId")] = "更正人账号",
        [("CategoryCorrection", "SuggestedCategory")] = "模型建议类别",

        [("CommunityPopulation", "Population")] = "人口数",
        [("CommunityPopulation", "Segment")] = "人群",

        [("Contract", "EndOn")] = "履约结束",
        [("Contract", "SignedOn")] = "签订日期",
        [("Contract", "StartOn")] = "履约开始",
        [("Contract", "AmountFen")] = "合同金额",

        [("Contractor", "CertifiedSocialWorkers")] = "持证社工人数",
        [("Contractor", "CreditCode")] = "统一社会信用代码",
        [("Contractor", "FullTimeStaff")] = "专职人员数",
        [("Contractor", "Name")] = "单位名称",
        [("Contractor", "OrgRatedOn")] = "社会组织评估日期",
        [("Contractor", "OrgRatingLevel")] = "社会组织评估等级",
        [("Contractor", "Profile")] = "单位简介",
        [("Contractor", "RegisteredOn")] = "登记成立日期",
        [("Contractor", "ServiceAreas")] = "服务领域",

        [("ContractorChangeRequest", "ProposedJson")] = "申请变更的内容",
        [("ContractorChangeRequest", "RequestedAtUtc")] = "申请时间",
        [("ContractorChangeRequest", "RequestedBy")] = "申请人",
        [("ContractorChangeRequest", "Summary")] = "变更摘要",

        [("ContractorSanction", "LiftedOn")] = "解除日期",

        [("ContractorStaff", "FullTime")] = "专职",
        [("ContractorStaff", "Name")] = "姓名",
        [("ContractorStaff", "Qualification")] = "资格",
        [("ContractorStaff", "Title")] = "职称/岗位",

        [("ContractorViolation", "Description")] = "违规情况",
        [("ContractorViolation", "OccurredOn")] = "发生日期",
        [("ContractorViolation", "Penalty")] = "处罚",
        [("ContractorViolation", "RecordedAtUtc")] = "记录时间",

        [("CostApprovalReason", "GivenAtUtc")] = "填写时间",
        [("CostApprovalReason", "GivenBy")] = "填写人",

        [("CostNorm", "ComputedAtUtc")] = "计算时间",
        [("CostNorm", "Count")] = "样本数",
        [("CostNorm", "Function")] = "功能",
        [("CostNorm", "Measure")] = "计量方式",
        [("CostNorm", "MedianFen")] = "单价中位数",
        [("CostNorm", "OverrideMedianFen")] = "调整后单价中位数",
        [("CostNorm", "OverrideNote")] = "调整说明",
        [("CostNorm", "PriceYear")] = "价格年度",
        [("CostNorm", "Q1Fen")] = "单价下四分位数",
        [("CostNorm", "Q3Fen")] = "单价上四分位数",

        [("CostSetting", "PriceRisePerMille")] = "价格调整率（‰/年）",

        [("CouncilMember", "IsDeputy")] = "人大代表",
        [("CouncilMember", "Name")] = "姓名",
        [("CouncilMember", "Present")] = "出席",
        [("CouncilMember", "SessionId")] = "议事会会议编号",

        [("CouncilScoreSheet", "MemberId")] = "议事会成员编号",
        [("CouncilScoreSheet", "SessionId")] = "议事会会议编号",
        [("CouncilScoreSheet", "Total")] = "总分",

        [("CouncilSession", "Quorum")] = "法定人数",

        [("DeclaredProject", "Client")] = "委托方",

        [("Demand", "AgeBand")] = "年龄段",
        [("Demand", "CollectedOn")] = "收集日期",
        [("Demand", "ContactPhoneHash")] = "联系电话（校验值）",
        [("Demand", "ExternalCaseNumber")] = "案件编号",
        [("Demand", "Groups")] = "人群",
        [("Demand", "Location")] = "位置",
        [("Demand", "MergedIntoDemandId")] = "合并到需求编号",
        [("Demand", "PhotoPath")] = "照片",
        [("Demand", "RecordedByUserId")] = "录入人账号",
        [("Demand", "ResidentType")] = "居民类型",
        [("Demand", "StatusReason")] = "状态说明",
        [("Demand", "SubmittedByUserId")] = "提交人账号",
        [("Demand", "TrackingCode")] = "查询码",

        [("DemandReferral", "Department")] = "转办部门",
        [("DemandReferral", "ReferredAtUtc")] = "转办时间",
        [("DemandReferral", "ReferredByName")] = "转办人",
        [("DemandReferral", "ReferredByUserId")] = "转办人账号",

        [("Disbursement", "PaidOn")] = "拨付日期",
        [("Disbursement", "Stage")] = "拨付阶段",
        [("Disbursement", "VoucherNo")] = "凭证号",

        [("DuplicateDecision", "IsDuplicate")] = "是重复需求",
        [("DuplicateDecision", "OtherDemandId")] = "另一需求编号",
        [("DuplicateDecision", "OtherText")] = "另一需求内容",

        [("EvaluationRecommendation", "FindingType")] = "问题类型",

        [("EvaluationScore", "Actual")] = "实际值",
        [("EvaluationScore", "NodeCode")] = "指标编号",
        [("EvaluationScore", "ScoredAtUtc")] = "评分时间",

        [("FindingRecommendation", "UpdatedAtUtc")] = "修改时间",
        [("FindingRecommendation", "UpdatedBy")] = "修改人",

        [("IndicatorNode", "Bands")] = "区间",
        [("IndicatorNode", "Code")] = "指标编号",
        [("IndicatorNode", "DataBanded")] = "区间计分",
        [("IndicatorNode", "Level")] = "指标层级",
        [("IndicatorNode", "Method")] = "计分方法",
        [("IndicatorNode", "MetricCode")] = "数据指标",
        [("IndicatorNode", "ParentCode")] = "上级指标编号",
        [("IndicatorNode", "Rule")] = "专家评分规则",
        [("IndicatorNode", "Target")] = "目标值",

        [("Inspection", "Checklist")] = "检查清单",
        [("Inspection", "ContentMatchesDeclaration")] = "服务内容与申报一致",
        [("Inspection", "ContractorResponse")] = "承接单位回复",
        [("Inspection", "InspectedOn")] = "检查日期",
        [("Inspection", "RectificationClosedAtUtc")] = "整改完成时间",
        [("Inspection", "RectificationDueOn")] = "整改期限",
        [("Inspection", "RectificationRequired")] = "需要整改",
        [("Inspection", "RespondedAtUtc")] = "回复时间",

        [("InspectionInterval", "Months")] = "巡查周期（月）",

        [("Milestone", "Deliverable")] = "交付物",
        [("Milestone", "DoneOn")] = "完成日期",
        [("Milestone", "PlannedOn")] = "计划日期",

        [("MiningRun", "ClassifierVersionId")] = "需求分类模型版本编号",
        [("MiningRun", "DemandCount")] = "需求数",
        [("MiningRun", "From")] = "开始日期",
        [("MiningRun", "JobId")] = "后台任务编号",
        [("MiningRun", "PairModelVersionId")] = "重复识别模型版本编号",
        [("MiningRun", "To")] = "结束日期",

        [("NegativeListRule", "Keywords")] = "关键词",

        [("Objection", "Answer")] = "答复",
        [("Objection", "ContactMasked")] = "联系方式（脱敏）",
        [("Objection", "LodgedAtUtc")] = "提出时间",

        [("PerformanceEvaluation", "Achievements")] = "主要成效",
        [("PerformanceEvaluation", "Background")] = "评价背景",
        [("PerformanceEvaluation", "FromYear")] = "起始年度",
        [("PerformanceEvaluation", "OwnerRegionId")] = "组织区域编号",
        [("PerformanceEvaluation", "ProjectIds")] = "评价项目编号",
        [("PerformanceEvaluation", "RegionIds")] = "评价区域编号",
        [("PerformanceEvaluation", "ScopeKind")] = "评价范围",
        [("PerformanceEvaluation", "ToYear")] = "截止年度",
        [("PerformanceEvaluation", "WorkDone")] = "工作开展情况",
        [("PerformanceEvaluation", "Title")] = "评价名称",

        [("PerformanceTarget", "Dimension")] = "目标维度",
        [("PerformanceTarget", "Indicator")] = "指标",
        [("PerformanceTarget", "TargetValue")] = "目标值",

        [("ProgressRecord", "RecordedOn")] = "记录日期",
        [("ProgressRecord", "Description")] = "进度内容",

        [("ProjectDecision", "From")] = "原状态",
        [("ProjectDecision", "To")] = "新状态",
        [("ProjectDecision", "Reason")] = "理由或说明",

        [("ProjectTypeCap", "CapFen")] = "限额",

        [("ProposalDetails", "CopiedFromProjectId")] = "复制自项目编号",
        [("ProposalDetails", "Schedule")] = "时间安排",
        [("ProposalDetails", "TargetGroup")] = "服务对象",

        [("PublicityNotice", "Days")] = "公示天数",

        [("PublicitySetting", "Days")] = "公示天数",

        [("Region", "Abbr")] = "拼音缩写",
        [("Region", "Code")] = "区划代码",
        [("Region", "Level")] = "区划层级",
        [("Region", "Name")] = "区划名称",
        [("Region", "ParentId")] = "上级区划编号",
        [("Region", "ShortName")] = "简称",

        [("Rectification", "ActionsAtUtc")] = "社区整改措施填写时间",
        [("Rectification", "CommunityActions")] = "社区整改措施",
        [("Rectification", "ContractorAnswer")] = "承接单位答复",
        [("Rectification", "DueOn")] = "整改期限",
        [("Rectification", "LowItems")] = "低分题目",
        [("Rectification", "OpenedAtUtc")] = "发起时间",
        [("Rectification", "Owner")] = "责任人",

        [("RoleAssignment", "Role")] = "角色",
        [("RoleAssignment", "UserId")] = "用户账号编号",

        [("RubricCriterion", "Guide")] = "评分说明",

        [("SanctionPolicy", "Months")] = "措施期限（月）",
        [("SanctionPolicy", "SuspendBelow")] = "暂停线（低于此分）",
        [("SanctionPolicy", "WatchBelow")] = "重点关注线（低于此分）",

        [("SanctionProposal", "Basis")] = "依据",
        [("SanctionProposal", "DecisionReason")] = "决定理由",
        [("SanctionProposal", "ProposedAtUtc")] = "提出时间",
        [("SanctionProposal", "SanctionId")] = "重点关注/暂停记录编号",
        [("SanctionProposal", "Threshold")] = "分数线",

        [("SegmentationTerm", "Concept")] = "归入概念",
        [("SegmentationTerm", "Tag")] = "词性",
        [("SegmentationTerm", "Word")] = "词语",

        [("SelectionRun", "ByUser")] = "操作人",
        [("SelectionRun", "CouncilWeight")] = "议事会权重",
        [("SelectionRun", "OverrideReason")] = "调整理由",
        [("SelectionRun", "Rule")] = "遴选规则",
        [("SelectionRun", "VoteWeight")] = "投票权重",

        [("SimilarMatch", "Confirmed")] = "确认相似",
        [("SimilarMatch", "SimilarProjectId")] = "相似项目编号",

        [("SpotCheckDraw", "CandidateIds")] = "候选项目编号",
        [("SpotCheckDraw", "DrawnAtUtc")] = "抽签时间",
        [("SpotCheckDraw", "DrawnBy")] = "抽签人",
        [("SpotCheckDraw", "PerStratum")] = "每层抽取数",
        [("SpotCheckDraw", "Period")] = "期次",
        [("SpotCheckDraw", "Seed")] = "随机种子",

        [("SpotCheckItem", "CheckedOn")] = "检查日期",
        [("SpotCheckItem", "DrawId")] = "抽查抽签编号",
        [("SpotCheckItem", "Stratum")] = "分层",

        [("Survey", "PublicToken")] = "测评链接码",
        [("Survey", "ServiceStartUtc")] = "服务开始时间",

        [("SurveyItem", "QuestionId")] = "测评题库题目编号",

        [("SurveyQuestion", "ForCategory")] = "适用项目类别",
        [("SurveyQuestion", "ForType")] = "适用项目类型",
        [("SurveyQuestion", "IsCore")] = "核心题",
        [("SurveyQuestion", "NameKeywords")] = "适用项目名称关键词",
        [("SurveyQuestion", "SortOrder")] = "排列顺序",

        [("SurveySetting", "DissatisfiedAbovePercent")] = "不满意（1–2 分）比例超过（%）",
        [("SurveySetting", "ItemBelowTenths")] = "其他评分题均值低于（×0.1 分）",
        [("SurveySetting", "OverallBelowTenths")] = "总体满意度均值低于（×0.1 分）",
        [("SurveySetting", "RectificationDays")] = "整改期限（天）",
        [("SurveySetting", "SampleFloor")] = "最低样本份数",
        [("SurveySetting", "SampleSharePercent")] = "最低样本：受益人数的百分比",

        [("YearSetting", "CitySubsidyCapFen")] = "市级补助上限",
    };
}
