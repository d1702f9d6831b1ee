using System.Net;
using AngleSharp.Html.Dom;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Pages;

/// <summary>
/// The error summary of every form that asks for several things (docs/ARCHITECTURE.md, "Every resident"). A class of
/// its own: it signs in as the demo supporter, whom other tests of the forms rest from duty.
/// </summary>
public sealed class ErrorSummaryOrderTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// Each form sent with every field left empty: its error summary names the problems in the order the fields stand
    /// on the page, so a resident reading from the top meets them as the form asks them, and every link lands on a field
    /// of the page that came back (the validation's own order put 同意 first on the booking form and the date before the
    /// course on the class form; some groups of choices had no field with the id their link named).
    /// </summary>
    [Fact]
    public async Task EveryFormsErrorSummary_ListsItsProblemsInTheOrderOfTheFieldsOnThePage_EachALinkToAField()
    {
        var samples = await SitePages.SamplesAsync(app);
        var forms = new (string Visitor, string Address, string Form)[]
        {
            ("resident", $"/Classes/{samples.Session}/Book", "main form[method=post]"),
            ("resident", samples.ConsultationSlot + "&device=Android", "main form[method=post]"),
            ("resident", "/Supporter/Apply", "main form[method=post]"),
            ("supporter", "/Supporter/Logs/New", "main form[method=post]"),
            ("supporter", "/Supporter/Training/line", "main form[method=post]"),
            ("coordinator", $"/Coordinator/Classes/{samples.Session}/ProxyBooking?Lookup={TestData.NextPhone()}", "main form[method=post]"),
            ("coordinator", "/Coordinator/Classes/Edit", "main form[method=post]"),
            ("coordinator", "/Coordinator/Classes/Series", "main form[method=post]"),
            ("coordinator", $"/Coordinator/Classes/Series/{samples.Series}", "main form[method=post]"),
            ("coordinator", "/Coordinator/Courses/Edit", "main form[method=post]"),
            ("coordinator", "/Coordinator/Venues/Edit", "main form[method=post]"),
            ("coordinator", "/Coordinator/Consultations/Logs/New", "main form[method=post]"),
            ("coordinator", "/Coordinator/SurveyTemplates/Edit", "main form[method=post]"),
            ("coordinator", "/Account/Manage", "main form[method=post]"),
            ("admin", "/Admin/Accounts", "#invite"),
            ("admin", "/Admin/Accounts", "#invite-supporter"),
        };
        var problems = new List<string>();
        foreach (var (visitor, address, formSelector) in forms)
        {
            var client = DemoAccounts.Of(visitor) is var (email, password) ? await app.SignedInClientAsync(email, password) : app.CreateBrowserLikeClient();
            var form = (await client.GetDocumentAsync(address)).QuerySelector<IHtmlFormElement>(formSelector)
                ?? throw new InvalidOperationException($"No form '{formSelector}' on {address}.");
            using var content = new FormUrlEncodedContent(Forms.EmptiedFieldsOf(form));
            using var response = await client.PostAsync(form.GetAttribute("action") is { Length: > 0 } action ? action : address, content);
            var page = await Forms.ParseAsync(response);
            var listed = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!.TrimStart('#')).ToList();
            var fieldsInPageOrder = page.QuerySelectorAll("input[id], select[id], textarea[id]").Select(f => f.Id!).Where(listed.Contains).ToList();

            if (response.StatusCode != HttpStatusCode.UnprocessableEntity || listed.Count == 0)
                problems.Add($"{address} {formSelector}: answered {(int)response.StatusCode} with {listed.Count} linked problems");
            else if (!listed.SequenceEqual(fieldsInPageOrder))
                problems.Add($"{address} {formSelector}: the summary lists [{string.Join(", ", listed)}], the fields stand [{string.Join(", ", fieldsInPageOrder)}]");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
