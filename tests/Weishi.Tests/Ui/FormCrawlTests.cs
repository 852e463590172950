using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Weishi.Tests.Infrastructure;
using Weishi.Web.Infrastructure.Web;
using Xunit.Abstractions;

namespace Weishi.Tests.Ui;

/// <summary>
/// Crawls the app as each role and posts every form it finds with every text field 5,000 characters long (and, for
/// forms with several text fields, each of them long alone): no answer may be a server error. On an app of its own,
/// because the posts change the demo data.
/// </summary>
public partial class FormCrawlTests(ITestOutputHelper output)
{
    // Admin last: its forms may change other accounts.
    private static readonly string[] Users = ["resident", "contractor", "cs-ll", "sd-ps", "finance", "district", "admin"];
    private static readonly string LongText = string.Concat(Enumerable.Repeat("民生微实事过长文字测试", 500))[..5000];
    private const int PagesPerPattern = 2;
    private const int MaxDepth = 3;
    private const int MaxPagesPerUser = 160;
    // Forms with more texts (rows of a table edited at once) are posted with all of them long only.
    private const int MaxTextsAlone = 8;
    // Logging out ends the crawl's session; retraining the models is minutes of work and writes no form text.
    private static readonly string[] SkippedActions = ["/Account/Logout", "/Mining/Retrain"];
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task No_form_answers_too_long_texts_with_a_server_error()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var factory = new WeishiAppFactory(database);
        var today = ChinaDate.Today(factory.Clock);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var refusedByGuard = new SortedSet<string>(StringComparer.Ordinal);
        var totalPosts = 0;

        foreach (var user in Users)
        {
            var browser = await Browser.LoginAsync(factory, user);
            var forms = new Dictionary<string, (string PageUrl, IHtmlFormElement Form)>(StringComparer.Ordinal);
            var pages = await CrawlAsync(browser, forms, failures, user);
            foreach (var (signature, (pageUrl, form)) in forms)
            {
                foreach (var fields in Variants(form, today))
                {
                    var action = ActionOf(form, pageUrl);
                    var response = await PostAsync(browser, pageUrl, action, form, fields);
                    totalPosts++;
                    var code = (int)response.StatusCode;
                    statuses[code] = statuses.GetValueOrDefault(code) + 1;
                    if (code >= 500) failures.Add($"{user}: POST {action} (form on {pageUrl}) answered {code}");
                    else if (code == 400 && (await browser.ReadAsync(response)).QuerySelector("[data-testid=flash-error]") is { } refused)
                        refusedByGuard.Add($"{Pattern(action)}: {refused.TextContent}");
                }
            }
            output.WriteLine($"{user}: {pages} pages, {forms.Count} distinct forms");
        }

        output.WriteLine($"{totalPosts} posts; answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var r in refusedByGuard) output.WriteLine("refused by the central check: " + r);
        Assert.True(totalPosts > 100, $"the crawl found only {totalPosts} forms to post");
        Assert.True(failures.Count == 0, "server errors:\n" + string.Join("\n", failures));
    }

    /// <summary>Pages reachable from the start page and the menu, a few of each kind (same path shape, same query names).</summary>
    private static async Task<int> CrawlAsync(Browser browser, Dictionary<string, (string, IHtmlFormElement)> forms, List<string> failures, string user)
    {
        var perPattern = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<(string Url, int Depth)>();
        foreach (var start in new[] { "/", "/Portal", "/Public/Projects" }) Enqueue(start, 0);
        var count = 0;
        while (queue.Count > 0 && count < MaxPagesPerUser)
        {
            var (url, depth) = queue.Dequeue();
            var response = await browser.Client.GetAsync(url);
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
                && response.Headers.Location is { } location && !location.IsAbsoluteUri)
            {
                Enqueue(location.OriginalString, depth);
                continue;
            }
            if ((int)response.StatusCode >= 500) failures.Add($"{user}: GET {url} answered {(int)response.StatusCode}");
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            count++;
            var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var form in page.QuerySelectorAll("form").OfType<IHtmlFormElement>())
            {
                if (!string.Equals(form.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)) continue;
                var action = ActionOf(form, url);
                if (SkippedActions.Any(s => action.StartsWith(s, StringComparison.OrdinalIgnoreCase))) continue;
                var signature = Pattern(action, withQuery: false) + " " + string.Join(",", Fields(form).Select(f => f.GetAttribute("name")).Distinct());
                forms.TryAdd(signature, (url, form));
            }
            if (depth == MaxDepth) continue;
            foreach (var link in page.QuerySelectorAll("a[href]"))
                Enqueue(link.GetAttribute("href")!, depth + 1);
        }
        return count;

        void Enqueue(string href, int depth)
        {
            if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) return;
            href = href.Split('#')[0];
            // Downloads and exports (handlers, files) are no pages with forms.
            if (href.Contains("handler=", StringComparison.OrdinalIgnoreCase) || Path.HasExtension(href.Split('?')[0])) return;
            if (!seen.Add(href)) return;
            var pattern = Pattern(href);
            if (perPattern.GetValueOrDefault(pattern) >= PagesPerPattern) return;
            perPattern[pattern] = perPattern.GetValueOrDefault(pattern) + 1;
            queue.Enqueue((href, depth));
        }
    }

    /// <summary>The form with every text long; when it has a few texts, also each long alone (the others short),
    /// so a form that refuses its first field cannot hide an unchecked second one.</summary>
    private static IEnumerable<List<KeyValuePair<string, string>>> Variants(IHtmlFormElement form, DateOnly today)
    {
        var texts = Fields(form).Where(IsText).ToList();
        if (texts.Count == 0) yield break;
        yield return Fill(form, today, _ => true);
        if (texts.Count is > 1 and <= MaxTextsAlone)
            foreach (var text in texts)
                yield return Fill(form, today, f => f == text);
    }

    private static List<KeyValuePair<string, string>> Fill(IHtmlFormElement form, DateOnly today, Func<IElement, bool> isLong)
    {
        var values = new List<KeyValuePair<string, string>>();
        var radios = new HashSet<string>(StringComparer.Ordinal);
        var times = 0;
        foreach (var field in Fields(form))
        {
            var name = field.GetAttribute("name")!;
            var value = field.GetAttribute("value") ?? "";
            if (field is IHtmlTextAreaElement area) value = area.Value;
            if (IsText(field))
            {
                values.Add(new(name, isLong(field) ? LongText : value.Length > 0 ? value : "1"));
                continue;
            }
            switch (field)
            {
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (option is not null) values.Add(new(name, option.Value));
                    continue;
                case IHtmlButtonElement button:
                    if (!values.Any(v => v.Key == name)) values.Add(new(name, value));
                    continue;
            }
            switch (field.GetAttribute("type")?.ToLowerInvariant())
            {
                case "checkbox":
                    if (field.HasAttribute("checked")) values.Add(new(name, field.GetAttribute("value") ?? "on"));
                    break;
                case "radio":
                    var group = form.QuerySelectorAll("input[type=radio]").Where(r => r.GetAttribute("name") == name).ToList();
                    if (radios.Add(name)) values.Add(new(name, (group.FirstOrDefault(r => r.HasAttribute("checked")) ?? group[0]).GetAttribute("value") ?? "on"));
                    break;
                case "date":
                    values.Add(new(name, value.Length > 0 ? value : today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    break;
                case "month":
                    values.Add(new(name, value.Length > 0 ? value : today.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
                    break;
                case "time": // from 09:00, each later time an hour later
                    values.Add(new(name, value.Length > 0 ? value : $"{9 + times++:00}:00"));
                    break;
                case "datetime-local":
                    values.Add(new(name, value.Length > 0 ? value : today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00"));
                    break;
                case "number" or "range":
                    values.Add(new(name, value.Length > 0 ? value : "1"));
                    break;
                default: // hidden (the antiforgery token among them)
                    values.Add(new(name, value));
                    break;
            }
        }
        return values;
    }

    /// <summary>The named fields a browser would send (files and other submit buttons than the first left out).</summary>
    private static IEnumerable<IElement> Fields(IHtmlFormElement form)
    {
        var firstButton = true;
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name], button[name]"))
        {
            if (element.HasAttribute("disabled")) continue;
            var type = element.GetAttribute("type")?.ToLowerInvariant();
            if (element is IHtmlButtonElement)
            {
                if (type is "button" or "reset" || !firstButton) continue;
                firstButton = false;
                yield return element;
                continue;
            }
            if (type is "file" or "submit" or "image" or "button" or "reset") continue;
            yield return element;
        }
    }

    private static bool IsText(IElement field) =>
        field is IHtmlTextAreaElement
        || field is IHtmlInputElement && (field.GetAttribute("type")?.ToLowerInvariant() ?? "text") is "text" or "search" or "email" or "tel" or "url" or "password";

    private static string ActionOf(IHtmlFormElement form, string pageUrl) =>
        form.GetAttribute("action") is { Length: > 0 } action ? WebUtility.HtmlDecode(action) : pageUrl;

    private static async Task<HttpResponseMessage> PostAsync(Browser browser, string pageUrl, string action, IHtmlFormElement form, List<KeyValuePair<string, string>> fields)
    {
        HttpContent content;
        if (string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields) multipart.Add(new StringContent(value), name);
            content = multipart;
        }
        else content = new FormUrlEncodedContent(fields);
        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = content };
        request.Headers.Referrer = new Uri(browser.Client.BaseAddress!, pageUrl);
        return await browser.Client.SendAsync(request);
    }

    /// <summary>A URL's kind: numbers in the path generalised, query values left out.</summary>
    private static string Pattern(string url, bool withQuery = true)
    {
        var parts = url.Split('?', 2);
        var path = Ids().Replace(parts[0], "{n}");
        if (parts.Length == 1) return path;
        var pairs = parts[1].Split('&');
        var names = withQuery ? pairs.Select(p => p.Split('=')[0]).Where(n => !string.Equals(n, "handler", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        var handler = pairs.FirstOrDefault(p => p.StartsWith("handler=", StringComparison.OrdinalIgnoreCase));
        return path + "?" + string.Join("&", names) + (handler is null ? "" : "&" + handler);
    }

    /// <summary>Numbers and GUIDs (user ids) in a path.</summary>
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d+")]
    private static partial Regex Ids();
}
