using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Weishi.Web.Infrastructure.Data;

namespace Weishi.Web.Features.Accounts;

/// <summary>
/// <c>&lt;user-name login="@record.CreatedBy" /&gt;</c>: the person behind a stored login name by their display name,
/// with the login name as a tooltip (see <see cref="UserDisplayNames"/>).
/// </summary>
[HtmlTargetElement("user-name", Attributes = "login", TagStructure = TagStructure.WithoutEndTag)]
public sealed class UserNameTagHelper(WeishiDbContext db) : TagHelper
{
    public string? Login { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var names = await UserDisplayNames.LoadAsync(db, ViewContext.HttpContext, ViewContext.HttpContext.RequestAborted);
        var shown = UserDisplayNames.Of(Login, names);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("data-login", Login ?? "");
        if (!string.IsNullOrEmpty(Login) && shown != Login) output.Attributes.SetAttribute("title", $"登录名：{Login}");
        output.Content.SetContent(shown);
    }
}
