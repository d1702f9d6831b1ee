using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;

namespace SumahoSupport.Core.Surveys;

/// <summary>
/// アンケート: one participant's answers about one class, from the web form, the e-mail link or a paper form typed in.
/// Anonymous by default: it belongs to the session, carries only the age band and device for the drill-downs, and is
/// found again only through the hash of its token — not through the person, unless the city turns linking on
/// (<see cref="SurveyOptions.LinkResponsesToParticipants"/>).
/// </summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }
    public int ClassSessionId { get; set; }
    public ClassSession ClassSession { get; set; } = default!;

    /// <summary>SHA-256 of the survey token, so one token gives one response that later submits edit. Null for paper.</summary>
    public string? TokenHash { get; set; }

    public SurveyChannel Channel { get; set; }

    /// <summary>Whose answer it is — set only while the city links responses to participants; null otherwise and on paper.</summary>
    public int? ParticipantId { get; set; }

    /// <summary>Q1 理解度 on the 4-point scale; null when left blank.</summary>
    public Understanding? Understanding { get; set; }

    /// <summary>Q2 満足度, 1 (不満) to 5 (満足); null when left blank.</summary>
    public int? Satisfaction { get; set; }

    /// <summary>Q4 「スマホで困ったときに相談できる人がいますか」; null when left blank.</summary>
    public bool? HasSomeoneToAsk { get; set; }

    /// <summary>
    /// Asked only after 「あまり理解できなかった」 or 「理解できなかった」: may the city offer a consultation or a repeat
    /// class? Yes creates a <see cref="SurveyFollowUp"/>.
    /// </summary>
    public bool? WantsFollowUp { get; set; }

    /// <summary>Q5 free comment.</summary>
    public string? Comment { get; set; }

    public AgeBand AgeBand { get; set; }

    /// <summary>The respondent's device; null when a paper form did not say.</summary>
    public DeviceType? Device { get; set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>How many times its link changed an answer already given (<see cref="SurveyService.MaxChangesPerLink"/>).</summary>
    public int Changes { get; set; }

    /// <summary>Q3: one can-do answer per learning goal of the course.</summary>
    public List<CanDoAnswer> CanDo { get; set; } = [];

    /// <summary>Answers to the course's own added questions.</summary>
    public List<ExtraAnswer> Extra { get; set; } = [];
}

/// <summary>docs/ARCHITECTURE.md, "Rules" 4: the first two count as understood.</summary>
public enum Understanding
{
    WellUnderstood = 1,
    MostlyUnderstood = 2,
    NotReallyUnderstood = 3,
    DidNotUnderstand = 4,
}

public static class UnderstandingExtensions
{
    /// <summary>docs/ARCHITECTURE.md, "Rules" 4: the first two answers count as understood.</summary>
    public static bool IsUnderstood(this Understanding answer) => answer is Understanding.WellUnderstood or Understanding.MostlyUnderstood;
}

public enum SurveyChannel
{
    Web = 0,
    Email = 1,
    Paper = 2,
}

/// <summary>「LINEでメッセージを送れる」: ひとりでできる / 手伝いがあればできる / まだできない.</summary>
public sealed class CanDoAnswer
{
    public long Id { get; set; }
    public long SurveyResponseId { get; set; }
    public int LearningGoalId { get; set; }
    public CanDoLevel Level { get; set; }

    /// <summary>About before the class (for courses that ask both); otherwise about now, after it.</summary>
    public bool Before { get; set; }
}

public enum CanDoLevel
{
    Alone = 1,
    WithHelp = 2,
    NotYet = 3,
}

/// <summary>
/// 集計入力: counts typed from a pile of paper forms when the forms themselves are not kept — e.g. 「よく理解できた 5枚」.
/// Counted exactly like that many individual answers.
/// </summary>
public sealed class UnderstandingTally
{
    public int Id { get; set; }
    public int ClassSessionId { get; set; }
    public ClassSession ClassSession { get; set; } = default!;
    public Understanding Answer { get; set; }
    public int Count { get; set; }
    public string EnteredBy { get; set; } = "";
    public DateTime EnteredAtUtc { get; set; }
}
