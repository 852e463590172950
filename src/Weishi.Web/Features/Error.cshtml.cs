using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Weishi.Web.Features;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Detail { get; private set; } = "系统遇到问题，请稍后重试。";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Detail) = code switch
        {
            403 => ("无权访问", "您没有访问该页面或数据的权限。"),
            404 => ("页面不存在", "您要找的页面或数据不存在，或不在您的管理范围内。"),
            400 => ("请求无效", "请求无效或表单已过期，请刷新页面后重试。"),
            429 => ("请求过于频繁", "请稍后再试。"),
            _ => (Title, Detail),
        };
    }
}
