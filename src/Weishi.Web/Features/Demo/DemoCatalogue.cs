using Weishi.Web.Features.Projects;

namespace Weishi.Web.Features.Demo;

/// <summary>Realistic project names and needs per category and type, for the Pingshan demo.</summary>
public static class DemoCatalogue
{
    public static readonly (ProjectCategory Category, int Weight)[] CategoryWeights =
    [
        (ProjectCategory.Elderly, 18), (ProjectCategory.Children, 16), (ProjectCategory.Assistance, 8),
        (ProjectCategory.Culture, 16), (ProjectCategory.Education, 8), (ProjectCategory.Environment, 8),
        (ProjectCategory.Safety, 10), (ProjectCategory.Health, 7), (ProjectCategory.Convenience, 6),
        (ProjectCategory.Migrant, 3),
    ];

    public static readonly Dictionary<(ProjectCategory, ProjectType), string[]> Names = new()
    {
        [(ProjectCategory.Elderly, ProjectType.Service)] = ["长者智能手机培训班", "长者饭堂助餐服务", "独居长者探访关爱", "长者健康讲座", "长者集体生日会", "长者防诈骗宣传", "银龄互助小组", "长者手工艺坊"],
        [(ProjectCategory.Elderly, ProjectType.Works)] = ["长者活动室适老化改造", "楼道扶手加装", "无障碍坡道改造"],
        [(ProjectCategory.Elderly, ProjectType.Goods)] = ["长者助行器具配置", "长者防跌倒扶手采购", "长者活动室器材购置"],
        [(ProjectCategory.Children, ProjectType.Service)] = ["四点半课堂", "儿童暑期托管班", "亲子阅读会", "儿童安全教育课堂", "青少年科创营", "儿童自我保护课堂", "儿童绘画兴趣班"],
        [(ProjectCategory.Children, ProjectType.Works)] = ["儿童游乐设施翻新", "儿童活动区安全围栏安装"],
        [(ProjectCategory.Children, ProjectType.Goods)] = ["儿童绘本图书配置", "儿童活动室玩教具购置"],
        [(ProjectCategory.Assistance, ProjectType.Service)] = ["困境家庭帮扶", "残疾人康复陪伴", "低保家庭关爱慰问", "困境儿童成长陪伴", "心理疏导服务"],
        [(ProjectCategory.Assistance, ProjectType.Works)] = ["残疾人家庭无障碍改造"],
        [(ProjectCategory.Assistance, ProjectType.Goods)] = ["困难家庭生活物资配送", "助残辅具配置"],
        [(ProjectCategory.Culture, ProjectType.Service)] = ["社区广场舞培训", "传统节日文化活动", "社区合唱团", "客家文化传承活动", "社区露天电影放映", "书法兴趣班", "全民健身运动会"],
        [(ProjectCategory.Culture, ProjectType.Works)] = ["文化墙彩绘", "社区篮球场翻新", "健身路径改造"],
        [(ProjectCategory.Culture, ProjectType.Goods)] = ["户外健身器材更新", "社区图书室图书购置", "文体活动器材购置"],
        [(ProjectCategory.Education, ProjectType.Service)] = ["家庭教育讲座", "垃圾分类宣教活动", "职业技能培训", "普法讲座进社区", "青少年编程兴趣班"],
        [(ProjectCategory.Education, ProjectType.Works)] = ["社区学堂改造"],
        [(ProjectCategory.Education, ProjectType.Goods)] = ["社区学堂电教设备购置"],
        [(ProjectCategory.Environment, ProjectType.Service)] = ["社区环境清洁志愿行动", "绿色家庭评选活动"],
        [(ProjectCategory.Environment, ProjectType.Works)] = ["小区绿化提升", "老旧小区雨污分流改造", "垃圾分类投放点改造", "口袋公园建设", "河道周边环境整治"],
        [(ProjectCategory.Environment, ProjectType.Goods)] = ["分类垃圾桶购置", "绿植花卉采购"],
        [(ProjectCategory.Safety, ProjectType.Service)] = ["消防安全演练", "防溺水安全宣传", "反诈宣传进社区", "应急救护培训"],
        [(ProjectCategory.Safety, ProjectType.Works)] = ["小区路灯维修", "监控摄像头安装", "消防通道划线", "积水点排水改造"],
        [(ProjectCategory.Safety, ProjectType.Goods)] = ["微型消防站器材配置", "应急物资储备", "电动自行车充电设施采购"],
        [(ProjectCategory.Health, ProjectType.Service)] = ["义诊服务", "慢性病健康管理", "中医养生讲座", "心理健康讲座", "母婴健康课堂"],
        [(ProjectCategory.Health, ProjectType.Works)] = ["健康小屋改造"],
        [(ProjectCategory.Health, ProjectType.Goods)] = ["健康监测设备配置", "AED除颤仪配置"],
        [(ProjectCategory.Convenience, ProjectType.Service)] = ["便民理发服务", "家电义务维修", "便民磨刀修鞋服务", "政务代办服务"],
        [(ProjectCategory.Convenience, ProjectType.Works)] = ["休闲座椅安装", "遮雨连廊建设", "停车位划线", "道路破损修补"],
        [(ProjectCategory.Convenience, ProjectType.Goods)] = ["便民服务点设备购置", "爱心雨伞配置"],
        [(ProjectCategory.Migrant, ProjectType.Service)] = ["来深建设者子女关爱", "来深建设者技能培训", "来深建设者融入活动", "外来务工人员法律咨询"],
        [(ProjectCategory.Migrant, ProjectType.Works)] = ["来深建设者驿站改造"],
        [(ProjectCategory.Migrant, ProjectType.Goods)] = ["来深建设者驿站设施购置"],
    };

    /// <summary>Cost items per type: (item, unit, typical quantity range).</summary>
    public static readonly Dictionary<ProjectType, (string Item, string Unit, int Min, int Max)[]> CostItems = new()
    {
        [ProjectType.Service] = [("专业服务人员费", "人次", 8, 60), ("活动物料费", "场次", 1, 24), ("宣传印刷费", "批", 1, 3), ("场地及保险费", "场次", 1, 24)],
        [ProjectType.Works] = [("材料费", "项", 1, 1), ("人工费", "工日", 10, 120), ("机械使用费", "台班", 2, 20), ("施工管理费", "项", 1, 1)],
        [ProjectType.Goods] = [("设备及物资采购", "件", 5, 200), ("运输安装费", "批", 1, 3), ("售后维保费", "年", 1, 2)],
    };

    public static readonly Dictionary<ProjectCategory, string[]> Needs = new()
    {
        [ProjectCategory.Elderly] = ["家里老人不会用智能手机挂号，希望社区开个手机培训班", "小区独居老人多，希望有人定期上门探访", "希望社区办长者饭堂，老人吃饭方便些", "老人常被电话诈骗，希望多搞防骗宣传", "楼梯太陡，希望给老人加装扶手"],
        [ProjectCategory.Children] = ["孩子放学早家长还没下班，希望有四点半课堂", "暑假孩子没人带，希望社区办托管班", "小区儿童游乐设施坏了很久，希望翻新", "希望多办亲子阅读活动", "希望有青少年科技兴趣课"],
        [ProjectCategory.Assistance] = ["楼下困难家庭生活很难，希望社区帮扶", "残疾人出门不方便，希望有人陪伴康复", "希望关心一下困境儿童的学习"],
        [ProjectCategory.Culture] = ["晚上想跳广场舞但没人教，希望请老师", "过年过节社区能不能搞点文化活动", "篮球场地面开裂，希望翻新", "希望多放几场露天电影", "想学书法，希望开兴趣班"],
        [ProjectCategory.Education] = ["希望请专家讲讲怎么教育孩子", "垃圾分类不太会，希望有人讲解", "想学点技能好找工作，希望办培训"],
        [ProjectCategory.Environment] = ["小区绿化太少，希望多种点树", "下雨污水倒灌，希望改造管道", "垃圾投放点又脏又臭，希望改造", "河边杂草丛生，希望整治"],
        [ProjectCategory.Safety] = ["小区路灯坏了好几盏，晚上很黑不安全", "希望在出入口加装监控", "雨天路口积水严重，希望排水改造", "电动车在楼道充电很危险，希望建充电棚"],
        [ProjectCategory.Health] = ["希望医生定期来社区义诊量血压", "老人慢性病多，希望有健康管理服务", "希望社区配置AED除颤仪"],
        [ProjectCategory.Convenience] = ["小区没有坐的地方，希望装几张休闲座椅", "希望有便民理发服务", "家电坏了不知道找谁修，希望有义务维修", "停车乱，希望划停车位"],
        [ProjectCategory.Migrant] = ["我们外来务工的孩子放假没人管，希望有关爱活动", "希望给来深建设者办技能培训", "工友下班没地方休息，希望建驿站"],
    };

    /// <summary>
    /// Which projects (base names from <see cref="Names"/>) answer each need: a need is turned only into a project
    /// of its own category that answers it, so traceability (need → project) reads plausibly.
    /// </summary>
    public static readonly Dictionary<string, string[]> Answers = new()
    {
        ["家里老人不会用智能手机挂号，希望社区开个手机培训班"] = ["长者智能手机培训班"],
        ["小区独居老人多，希望有人定期上门探访"] = ["独居长者探访关爱", "银龄互助小组"],
        ["希望社区办长者饭堂，老人吃饭方便些"] = ["长者饭堂助餐服务"],
        ["老人常被电话诈骗，希望多搞防骗宣传"] = ["长者防诈骗宣传"],
        ["楼梯太陡，希望给老人加装扶手"] = ["楼道扶手加装", "长者防跌倒扶手采购", "无障碍坡道改造"],
        ["孩子放学早家长还没下班，希望有四点半课堂"] = ["四点半课堂"],
        ["暑假孩子没人带，希望社区办托管班"] = ["儿童暑期托管班"],
        ["小区儿童游乐设施坏了很久，希望翻新"] = ["儿童游乐设施翻新", "儿童活动区安全围栏安装"],
        ["希望多办亲子阅读活动"] = ["亲子阅读会", "儿童绘本图书配置"],
        ["希望有青少年科技兴趣课"] = ["青少年科创营"],
        ["楼下困难家庭生活很难，希望社区帮扶"] = ["困境家庭帮扶", "低保家庭关爱慰问", "困难家庭生活物资配送"],
        ["残疾人出门不方便，希望有人陪伴康复"] = ["残疾人康复陪伴", "残疾人家庭无障碍改造", "助残辅具配置"],
        ["希望关心一下困境儿童的学习"] = ["困境儿童成长陪伴"],
        ["晚上想跳广场舞但没人教，希望请老师"] = ["社区广场舞培训"],
        ["过年过节社区能不能搞点文化活动"] = ["传统节日文化活动", "客家文化传承活动", "社区合唱团"],
        ["篮球场地面开裂，希望翻新"] = ["社区篮球场翻新"],
        ["希望多放几场露天电影"] = ["社区露天电影放映"],
        ["想学书法，希望开兴趣班"] = ["书法兴趣班"],
        ["希望请专家讲讲怎么教育孩子"] = ["家庭教育讲座"],
        ["垃圾分类不太会，希望有人讲解"] = ["垃圾分类宣教活动"],
        ["想学点技能好找工作，希望办培训"] = ["职业技能培训"],
        ["小区绿化太少，希望多种点树"] = ["小区绿化提升", "绿植花卉采购", "口袋公园建设"],
        ["下雨污水倒灌，希望改造管道"] = ["老旧小区雨污分流改造"],
        ["垃圾投放点又脏又臭，希望改造"] = ["垃圾分类投放点改造", "分类垃圾桶购置"],
        ["河边杂草丛生，希望整治"] = ["河道周边环境整治", "社区环境清洁志愿行动"],
        ["小区路灯坏了好几盏，晚上很黑不安全"] = ["小区路灯维修"],
        ["希望在出入口加装监控"] = ["监控摄像头安装"],
        ["雨天路口积水严重，希望排水改造"] = ["积水点排水改造"],
        ["电动车在楼道充电很危险，希望建充电棚"] = ["电动自行车充电设施采购"],
        ["希望医生定期来社区义诊量血压"] = ["义诊服务", "健康监测设备配置"],
        ["老人慢性病多，希望有健康管理服务"] = ["慢性病健康管理"],
        ["希望社区配置AED除颤仪"] = ["AED除颤仪配置"],
        ["小区没有坐的地方，希望装几张休闲座椅"] = ["休闲座椅安装"],
        ["希望有便民理发服务"] = ["便民理发服务"],
        ["家电坏了不知道找谁修，希望有义务维修"] = ["家电义务维修"],
        ["停车乱，希望划停车位"] = ["停车位划线"],
        ["我们外来务工的孩子放假没人管，希望有关爱活动"] = ["来深建设者子女关爱"],
        ["希望给来深建设者办技能培训"] = ["来深建设者技能培训"],
        ["工友下班没地方休息，希望建驿站"] = ["来深建设者驿站改造", "来深建设者驿站设施购置"],
    };

    /// <summary>The catalogue name a demo project was named after (its name is the community's short name + this).</summary>
    public static string BaseName(string projectName) =>
        Names.Values.SelectMany(n => n).Where(projectName.Contains).OrderByDescending(n => n.Length).FirstOrDefault() ?? projectName;

    /// <summary>A need the project answers: the catalogue's own where there is one, else the project asked for by name.</summary>
    public static string NeedFor(string projectName)
    {
        var baseName = BaseName(projectName);
        return Answers.FirstOrDefault(a => a.Value.Contains(baseName)).Key ?? $"希望社区开展“{baseName}”";
    }

    /// <summary>True when the need's text asks for what the project delivers.</summary>
    public static bool Fits(string needText, string projectName)
    {
        var baseName = BaseName(projectName);
        return Answers.Any(a => needText.Contains(a.Key) && a.Value.Contains(baseName)) || needText.Contains($"希望社区开展“{baseName}”");
    }

    public static readonly string[] SocialOrganisations =
    [
        "深圳市坪山区和谐社会工作服务中心", "深圳市坪山区阳光社工服务社", "深圳市同心社会工作服务中心", "深圳市坪山区长者关爱服务中心",
        "深圳市鹏星社会工作服务社", "深圳市坪山区青少年发展服务中心", "深圳市春暖社会工作服务中心", "深圳市坪山区文体艺术促进会",
        "深圳市彩虹桥社工服务中心", "深圳市坪山区红十字应急救护服务队", "深圳市安康社区健康服务中心", "深圳市坪山区客家文化研究会",
        "深圳市启航社会工作服务中心", "深圳市坪山区家庭教育指导中心", "深圳市益民志愿服务协会", "深圳市坪山区来深建设者服务中心",
        "深圳市明德书院文化服务中心", "深圳市坪山区心理咨询师协会",
    ];

    public static readonly string[] Enterprises =
    [
        "深圳市坪山建设工程有限公司", "深圳市鹏城市政工程有限公司", "深圳市绿源园林绿化有限公司", "深圳市安捷消防设备有限公司",
        "深圳市坑梓装饰工程有限公司", "深圳市科安智能安防有限公司", "深圳市康体健身器材有限公司", "深圳市龙田照明工程有限公司",
        "深圳市华晟办公设备有限公司", "深圳市坪环环境科技有限公司", "深圳市金沙市政园林有限公司", "深圳市乐童教育用品有限公司",
    ];
}
