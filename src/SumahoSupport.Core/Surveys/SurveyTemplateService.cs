using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Surveys;

/// <summary>The wording and the optional questions of a template, as a coordinator typed them (already checked).</summary>
public sealed record SurveyTemplateDraft(
    string Name, string UnderstandingText, string SatisfactionText, string CanDoText, string SomeoneToAskText, string CommentText,
    bool AsksSatisfaction, bool AsksSomeoneToAsk, bool AsksComment);

/// <summary>アンケートのひな形 as coordinators add and edit them; every change is in the audit log.</summary>
public sealed class SurveyTemplateService(AppDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    /// <summary>Saves a new template (no id) or changes one; false when the id is unknown.</summary>
    public async Task<bool> SaveAsync(int? id, SurveyTemplateDraft draft, CancellationToken ct)
    {
        return await work.RunAsync(async unit =>
        {
            var template = id is null ? null : await db.SurveyTemplates.SingleOrDefaultAsync(t => t.Id == id, ct);
            if (id is not null && template is null) return false;
            template ??= db.SurveyTemplates.Add(new SurveyTemplate
            {
                Code = "local-" + Guid.NewGuid().ToString("N")[..8], Name = "", UnderstandingText = "", SatisfactionText = "", CanDoText = "",
                SomeoneToAskText = "", CommentText = "",
            }).Entity;
            template.Name = draft.Name;
            template.UnderstandingText = draft.UnderstandingText;
            template.SatisfactionText = draft.SatisfactionText;
            template.CanDoText = draft.CanDoText;
            template.SomeoneToAskText = draft.SomeoneToAskText;
            template.CommentText = draft.CommentText;
            template.AsksSatisfaction = draft.AsksSatisfaction;
            template.AsksSomeoneToAsk = draft.AsksSomeoneToAsk;
            template.AsksComment = draft.AsksComment;
            template.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
            await unit.SaveAsync(ct);
            audit.Record(id is null ? "survey-template.created" : "survey-template.updated", nameof(SurveyTemplate), template.Id);
            return true;
        }, ct);
    }
}
