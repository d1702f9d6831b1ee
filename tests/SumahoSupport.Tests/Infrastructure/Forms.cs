using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SumahoSupport.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms the way a browser would: every field, including the antiforgery token.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            // In Development a 500 is the developer exception page: its text is what a failed run needs to be understood.
            var body = await response.Content.ReadAsStringAsync();
            var text = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>", " ");
            Assert.Fail($"GET {url}: {(int)response.StatusCode}. {(text.Length > 3000 ? text[..3000] : text)}");
        }
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, fills the form matched by <paramref name="formSelector"/> (its own hidden
    /// fields, antiforgery token included) with <paramref name="values"/>, and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {pageUrl}.");
        var fields = FieldsOf(form);
        foreach (var (name, value) in values) fields[name] = value;
        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? pageUrl : form.GetAttribute("action")!;
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }

    /// <summary>
    /// 入力 → 確認 → 完了 as a resident goes through it: submits the form on <paramref name="pageUrl"/>, then presses
    /// 「この内容で予約する」 on the check page, posting what that page carries. An answer other than the check page (the
    /// form again, with its problems) is returned as it is.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitAndConfirmAsync(this HttpClient client, string pageUrl, IReadOnlyDictionary<string, string> values)
    {
        var checkStep = await client.SubmitFormAsync(pageUrl, values);
        if (checkStep.StatusCode != HttpStatusCode.OK) return checkStep;
        var page = await ParseAsync(checkStep);
        if (page.QuerySelector<IHtmlButtonElement>("main button[formaction*='handler=Confirm']") is not { Form: { } form } confirm)
        {
            return checkStep;
        }
        checkStep.Dispose();
        using var content = new FormUrlEncodedContent(FieldsOf(form));
        return await client.PostAsync(confirm.GetAttribute("formaction"), content);
    }

    /// <summary>What the form would post as rendered, every value of a repeated name (checked boxes) kept.</summary>
    public static List<KeyValuePair<string, string>> PairsOf(IHtmlFormElement form) =>
        [.. form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => i.Type is not ("checkbox" or "radio") || i.IsChecked)
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat(form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? "")))
            .Concat(form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Select(t => new KeyValuePair<string, string>(t.Name!, t.Value)))];

    /// <summary>
    /// What the form would post as rendered. With <paramref name="fillEveryChoice"/>, a radio group with nothing checked
    /// sends its first value and a select with no real choice its last option, so the result is a complete submission.
    /// </summary>
    public static Dictionary<string, string> FieldsOf(IHtmlFormElement form, bool fillEveryChoice = false)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Type is "checkbox" or "radio" && !input.IsChecked)
            {
                if (fillEveryChoice && input.Type == "radio" && !fields.ContainsKey(input.Name!)) fields[input.Name!] = input.Value;
                continue;
            }
            // A ticked asp-for checkbox is followed by a hidden 「false」 of the same name; the browser posts both and
            // MVC binds the first, so the hidden one must not replace it here.
            if (input.Type == "hidden" && fields.ContainsKey(input.Name!)) continue;
            fields[input.Name!] = input.Value;
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            var chosen = fillEveryChoice
                ? select.Options.FirstOrDefault(o => o.IsSelected && o.Value != "") ?? select.Options.LastOrDefault()
                : select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
            if (chosen is not null) fields[select.Name!] = chosen.Value;
        }
        foreach (var textarea in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]")) fields[textarea.Name!] = textarea.Value;
        return fields;
    }

    /// <summary>
    /// What the form posts when nothing is typed or chosen: its hidden fields (the antiforgery token among them) only, every
    /// text box, select and text area empty, and no box ticked.
    /// </summary>
    public static Dictionary<string, string> EmptiedFieldsOf(IHtmlFormElement form)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => i.Type is not ("checkbox" or "radio")))
        {
            if (input.Type == "hidden") fields.TryAdd(input.Name!, input.Value);
            else fields[input.Name!] = "";
        }
        foreach (var field in form.QuerySelectorAll("select[name], textarea[name]")) fields[field.GetAttribute("name")!] = "";
        return fields;
    }

    /// <summary>A new browser-like client of <paramref name="app"/>, signed in with the password (demo accounts need no second step).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this AppFactory app, string email, string password)
    {
        var client = app.CreateBrowserLikeClient();
        using var signedIn = await client.SignInAsync(email, password);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await ParseAsync(signedIn);
            Assert.Fail($"Signing in as {email} answered {(int)signedIn.StatusCode}: {page.QuerySelector(".error-summary")?.TextContent.Trim()}");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        await client.SubmitFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
