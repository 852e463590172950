using Weishi.Web.Features.Proposals;

namespace Weishi.Web.Features.Demo;

/// <summary>The district's negative list as the report's recommendation (六(二)一) describes it.</summary>
public static class DemoNegativeListBuilder
{
    public static IEnumerable<NegativeListRule> Build() =>
    [
        new() { Title = "物业管理职责", Text = "属于物业服务企业职责范围的维修、保洁、绿化养护等事项，不得使用民生微实事资金", Keywords = "物业管理、物业费、小区保洁、电梯维保、物业维修" },
        new() { Title = "重复政府投资", Text = "与政府投资项目或部门自身职责重复的事项不纳入民生微实事", Keywords = "市政道路、政府投资、部门职责、重复建设" },
        new() { Title = "党群服务中心已购服务", Text = "党群服务中心已购买的服务项目不得重复申报", Keywords = "党群服务中心已购、重复购买服务" },
        new() { Title = "公务与经营性支出", Text = "不得用于公务接待、发放现金或购物卡、人员工资福利及经营性支出", Keywords = "公务接待、发放现金、购物卡、工作人员工资、办公经费" },
    ];
}
