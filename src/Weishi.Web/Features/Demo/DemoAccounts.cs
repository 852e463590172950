using System.Text;
using Weishi.Web.Features.Accounts;

namespace Weishi.Web.Features.Demo;

/// <summary>The demo's accounts: one per role, one officer per subdistrict and one worker per community.</summary>
public static class DemoAccounts
{
    public const string Password = "Weishi@2024";

    public static readonly (string User, string Name, AppRole Role)[] Fixed =
    [
        ("admin", "系统管理员", AppRole.SystemAdmin),
        ("district", "区民政局 王主任", AppRole.DistrictAdmin),
        ("finance", "区财政局 评价组", AppRole.FinanceEvaluator),
        ("auditor", "区审计局 李审计", AppRole.Auditor),
        ("contractor", "承接单位 联络员", AppRole.Contractor),
        ("resident", "居民 陈女士", AppRole.Resident),
    ];

    public static string CommunityUser(string abbr) => "cs-" + abbr.ToLowerInvariant();

    public static string SubdistrictUser(string abbr) => "sd-" + abbr.ToLowerInvariant();

    public static string Describe()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"演示账号（密码均为 {Password}）：");
        foreach (var (user, _, role) in Fixed) sb.AppendLine($"  {user,-12} {AppRoles.DisplayName(role)}");
        sb.AppendLine("  sd-ps, sd-ml, sd-bl, sd-sj, sd-kz, sd-lt   街道工作人员（坪山、马峦、碧岭、石井、坑梓、龙田街道）");
        sb.Append("  cs-ll, cs-lh, cs-ps, …                      社区工作人员（每个社区一个，cs- 加社区拼音首字母）");
        return sb.ToString();
    }
}
