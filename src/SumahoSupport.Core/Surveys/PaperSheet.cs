using System.Globalization;
using System.Text;
using SumahoSupport.Core.Bookings;

namespace SumahoSupport.Core.Surveys;

/// <summary>
/// One paper form as a coordinator types it: each box holds the number printed beside the answer circled (null: left
/// blank, 無回答), a written answer as written. The numbers are the ones printed on the form (<c>SurveyHandout</c>).
/// </summary>
public sealed record PaperSheet(
    int? Understanding, int? Satisfaction, IReadOnlyList<PaperCanDoBox> CanDo, IReadOnlyList<PaperExtraBox> Extra,
    int? SomeoneToAsk, int? AgeBand, int? Device, string? Comment)
{
    /// <summary>
    /// The answers the survey keeps, or the boxes the form of <paramref name="form"/> does not have or cannot read —
    /// field names are the sheet's own (<c>Extra[2].Value</c>).
    /// </summary>
    public (SurveyAnswers Answers, IReadOnlyList<Problem> Problems) Read(PaperForm form)
    {
        var problems = new List<Problem>();
        if (CanDo.Any(box => form.Goals.All(g => g.Id != box.GoalId) || (box.Before && !form.AsksCanDoBefore)))
            problems.Add(new("", "この講座にない項目が送られました。画面を開き直してください。"));
        var extra = new Dictionary<int, string>();
        for (var i = 0; i < Extra.Count; i++)
        {
            var box = Extra[i];
            if (form.Extras.FirstOrDefault(q => q.Id == box.QuestionId) is not { } question)
            {
                problems.Add(new("", "この講座にない項目が送られました。画面を開き直してください。"));
                continue;
            }
            var value = box.Value?.Normalize(NormalizationForm.FormKC).Trim();
            if (string.IsNullOrEmpty(value)) continue;
            if (question.Choices.Count == 0) extra[question.Id] = value;
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= question.Choices.Count)
                extra[question.Id] = question.Choices[number - 1];
            else problems.Add(new($"Extra[{i}].Value", $"「{question.Text}」は 1〜{question.Choices.Count} の数字で入力してください。"));
        }
        var answers = new SurveyAnswers(
            Understanding is >= 1 and <= 4 ? (Understanding)Understanding.Value : null,
            Satisfaction,
            SomeoneToAsk switch { 1 => true, 2 => false, _ => null },
            Comment,
            Levels(before: false), CanDoBefore: Levels(before: true), Extra: extra);
        return (answers, problems);
    }

    /// <summary>年代: 1 59歳以下 … 5 90歳以上; blank is 不明.</summary>
    public AgeBand AgeBandAnswer => AgeBand is >= 1 and <= 5 ? (AgeBand)AgeBand.Value : Bookings.AgeBand.Unknown;

    /// <summary>端末: 1 Android, 2 iPhone, 3 持っていない; blank is not known.</summary>
    public DeviceType? DeviceAnswer => Device switch
    {
        1 => DeviceType.Android,
        2 => DeviceType.IPhone,
        3 => DeviceType.None,
        _ => null,
    };

    private Dictionary<int, CanDoLevel> Levels(bool before) =>
        CanDo.Where(c => c.Level is >= 1 and <= 3 && c.Before == before).DistinctBy(c => c.GoalId).ToDictionary(c => c.GoalId, c => (CanDoLevel)c.Level!.Value);
}

/// <summary>Q3 for one learning goal: 1 ひとりでできる, 2 手伝いがあればできる, 3 まだできない; <see cref="Before"/> about before the class.</summary>
public sealed record PaperCanDoBox(int GoalId, bool Before, int? Level);

/// <summary>A course's added question on paper: the answer's number for a choice, the words for a written one.</summary>
public sealed record PaperExtraBox(int QuestionId, string? Value);

/// <summary>What the paper entry of one class shows: its questions and what has come in so far.</summary>
public sealed record PaperForm(
    bool CanEnter, IReadOnlyList<(int Id, string Text)> Goals, bool AsksCanDoBefore, IReadOnlyList<ExtraQuestionView> Extras,
    IReadOnlyDictionary<SurveyChannel, int> Received, int Tallied, int Attendees, IReadOnlyDictionary<Understanding, int> Tallies)
{
    public const string NotOpenMessage = "この教室はまだ始まっていないか、中止されたため、アンケートを入力できません。";

    /// <summary>The boxes of a blank form in the order the paper asks: for a course that compares, 「教室の前は」 then 「今は」 per goal.</summary>
    public IReadOnlyList<PaperCanDoBox> CanDoBoxes =>
        [.. Goals.SelectMany(g => AsksCanDoBefore ? new[] { new PaperCanDoBox(g.Id, true, null), new PaperCanDoBox(g.Id, false, null) } : [new PaperCanDoBox(g.Id, false, null)])];

    public int TotalReceived => Received.Values.Sum() + Tallied;
}
