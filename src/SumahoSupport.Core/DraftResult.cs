namespace SumahoSupport.Core;

/// <summary>
/// Something a person can fix before a draft is saved: which field (by the draft's own property name, "" for the form as
/// a whole) and what to do, in Japanese. Core checks every rule of a draft; pages show what it returns.
/// </summary>
public sealed record Problem(string Field, string Message);

/// <summary>What a write that checks its draft answers: saved, with the row's id, or the problems that stopped it.</summary>
public abstract record DraftResult
{
    private DraftResult()
    {
    }

    public sealed record Saved(long Id) : DraftResult;

    public sealed record Rejected(IReadOnlyList<Problem> Problems) : DraftResult
    {
        public Rejected(string field, string message)
            : this([new Problem(field, message)])
        {
        }
    }
}
