using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SumahoSupport.Core.Surveys;

namespace SumahoSupport.Web.Pages.Survey;

/// <summary>
/// The survey as a resident sees it from the QR code or the e-mail link: large text, one question per screen, no
/// login. Each answer is saved as it is given, so closing the phone half-way loses nothing, and coming back edits.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(SurveyService surveys) : PageModel
{
    [FromRoute] public string Token { get; set; } = "";

    /// <summary>Which question, from 1; one past the last is the thank-you screen.</summary>
    [BindProperty(SupportsGet = true, Name = "q")] public int Step { get; set; } = 1;

    /// <summary>"mail" when opened from the アンケートのお願い e-mail, to count the channel.</summary>
    [BindProperty(SupportsGet = true)] public string? Via { get; set; }

    [BindProperty] public string? Answer { get; set; }

    public SurveyForm Form { get; private set; } = default!;

    public IReadOnlyList<SurveyQuestion> Questions { get; private set; } = [];

    public SurveyQuestion? Current => Step >= 1 && Step <= Questions.Count ? Questions[Step - 1] : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Step < 1 || Step > Questions.Count + 1) return RedirectToPage(new { Token, q = 1, Via });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem) return problem;
        if (Current is not { } question) return RedirectToPage(new { Token, q = 1, Via });
        if (Form.State != SurveyFormState.Open) return Page();

        var value = Answer?.Trim();
        if (!string.IsNullOrEmpty(value) && !question.Accepts(value))
        {
            ModelState.AddModelError(nameof(Answer), question.IsFreeText
                ? "500文字以内で、記号 < > を使わずにお書きください。"
                : "選びなおしてください。");
            return Page();
        }
        var channel = Via == "mail" ? SurveyChannel.Email : SurveyChannel.Web;
        if (await surveys.SubmitAsync(Token, question.Apply(Form.Answers, string.IsNullOrEmpty(value) ? null : value), channel, ct) == SubmitResult.TooManyChanges)
        {
            ModelState.AddModelError(nameof(Answer), TooManyChangesMessage);
            return Page();
        }
        return RedirectToPage(new { Token, q = Step + 1, Via });
    }

    public const string TooManyChangesMessage =
        "この回答は、もう変えられません（答えを変えられるのは5回までです）。変えたいときは、教室の担当者にお知らせください。";

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var form = await surveys.OpenAsync(Token, ct);
        if (form is null) return NotFound();
        Form = form;
        Questions = SurveyQuestion.For(form);
        return null;
    }
}
