using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Surveys;

/// <summary>The dashboard's views as tables, shared by the screen, the CSV and the Excel exports.</summary>
public static class SurveyTables
{
    public static string DimensionName(BreakdownDimension dimension) => dimension switch
    {
        BreakdownDimension.Course => "講座",
        BreakdownDimension.Topic => "テーマ",
        BreakdownDimension.Venue => "会場",
        BreakdownDimension.Lecturer => "講師",
        BreakdownDimension.Month => "月",
        BreakdownDimension.AgeBand => "年代",
        _ => "端末",
    };

    public static ReportTable Breakdown(BreakdownDimension dimension, IReadOnlyList<BreakdownRow> rows, int fiscalYear) => new(
        $"{DimensionName(dimension)}別（{FiscalYear.Name(fiscalYear)}）",
        [DimensionName(dimension), "教室数", "出席者", "回答数", "回答率", "理解度", "信頼区間（下限）", "信頼区間（上限）", "理解した人", "理解度の回答", "相談できる人がいない", "その割合"],
        rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Label, r.Sessions, r.Attendees, r.Responses, AsPercent(r.ResponseRate), AsPercent(r.Rate.Rate),
            AsPercent(r.Rate.Interval?.Low), AsPercent(r.Rate.Interval?.High), r.Rate.Understood, r.Rate.Answers,
            r.NoOneToAsk, AsPercent(r.NoOneToAskShare),
        ]).ToList());

    public static ReportTable Sessions(IReadOnlyList<SessionFigures> sessions, int fiscalYear) => new(
        $"教室別（{FiscalYear.Name(fiscalYear)}）",
        ["日時", "講座", "テーマ", "会場", "講師", "出席者", "回答数", "理解度", "理解した人", "理解度の回答", "相談できる人がいない"],
        sessions.Select(s => (IReadOnlyList<object?>)
        [
            JapaneseTime.ToTokyo(s.StartsAtUtc), s.Course, s.Topic, s.Venue, s.Lecturer, s.Attendees, s.Responses,
            AsPercent(s.Rate.Rate), s.Rate.Understood, s.Rate.Answers, s.NoOneToAsk,
        ]).ToList());

    public static ReportTable CanDo(IReadOnlyList<CanDoFigures> goals, int fiscalYear) => new(
        $"できるようになったこと（{FiscalYear.Name(fiscalYear)}）",
        ["講座", "できるようになったこと", "ひとりでできる", "手伝いがあればできる", "まだできない", "回答", "ひとりでできる割合",
            "教室の前（回答）", "教室の前にひとりでできた割合"],
        goals.Select(g => (IReadOnlyList<object?>)[
            g.Course, g.Goal, g.Alone, g.WithHelp, g.NotYet, g.Answers, AsPercent(g.AloneShare),
            g.BeforeAnswers == 0 ? null : g.BeforeAnswers, AsPercent(g.BeforeAloneShare)]).ToList());

    public static ReportTable Extra(IReadOnlyList<ExtraFigures> answers, int fiscalYear) => new(
        $"講座の追加の質問（{FiscalYear.Name(fiscalYear)}）",
        ["講座", "質問", "答え", "件数", "割合"],
        answers.Select(a => (IReadOnlyList<object?>)[a.Course, a.Question, a.Answer, a.Count, new Percent(a.Share)]).ToList());

    public static readonly IReadOnlyList<string> ResponseColumns =
        ["回答番号", "教室の日時", "講座", "会場", "回答方法", "理解度", "満足度（1〜5）", "相談できる人", "年代", "端末", "ご意見・ご感想", "回答日時", "講座の追加の質問", "回答者（連携しているとき）"];

    /// <summary>
    /// Every individual response of the classes, streamed in id order so a year of answers is never held in memory.
    /// Tallies are not individual answers and are not in this list (they are in every aggregate).
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyList<object?>> ResponsesAsync(
        AppDbContext db, IQueryable<Classes.ClassSession> sessions, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var ids = sessions.Select(s => s.Id);
        var rows = db.SurveyResponses.AsNoTracking()
            .Where(r => ids.Contains(r.ClassSessionId))
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.Id, r.ClassSession.StartsAtUtc, Course = r.ClassSession.Course.Title, Venue = r.ClassSession.Venue.Name, r.Channel,
                r.Understanding, r.Satisfaction, r.HasSomeoneToAsk, r.AgeBand, r.Device, r.Comment, r.UpdatedAtUtc,
                Participant = r.ParticipantId == null ? null : db.Participants.Where(p => p.Id == r.ParticipantId).Select(p => p.Name + "（" + p.Kana + "）").First(),
                Extra = r.Extra.OrderBy(e => e.ExtraQuestionId)
                    .Select(e => new { Question = db.ExtraQuestions.Where(q => q.Id == e.ExtraQuestionId).Select(q => q.Text).First(), e.Value }).ToList(),
            })
            .AsAsyncEnumerable();
        await foreach (var r in rows.WithCancellation(ct))
        {
            yield return
            [
                r.Id, JapaneseTime.ToTokyo(r.StartsAtUtc), r.Course, r.Venue, SurveyLabels.Channel(r.Channel),
                r.Understanding is { } u ? SurveyLabels.Understanding(u) : null, r.Satisfaction,
                r.HasSomeoneToAsk switch { true => "いる", false => "いない", null => null },
                BookingLabels.AgeBand(r.AgeBand), BookingLabels.Device(r.Device), r.Comment, JapaneseTime.ToTokyo(r.UpdatedAtUtc),
                r.Extra.Count == 0 ? null : string.Join(" / ", r.Extra.Select(e => $"{e.Question}: {e.Value}")), r.Participant,
            ];
        }
    }

    private static Percent? AsPercent(double? value) => value is { } v ? new Percent(v) : null;
}
