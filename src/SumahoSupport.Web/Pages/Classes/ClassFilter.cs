using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Web.Pages.Classes;

/// <summary>The resident's choices on /Classes; every one is optional.</summary>
public sealed class ClassFilter
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? Venue { get; set; }
    public string? Topic { get; set; }
    public CourseLevel? Level { get; set; }

    /// <summary>A class for "any" phone suits both; one for iPhone does not suit an Android user.</summary>
    public TargetOs? Os { get; set; }

    public bool IsEmpty => From is null && To is null && Venue is null && string.IsNullOrEmpty(Topic) && Level is null && Os is null;

    public IQueryable<ClassSession> Apply(IQueryable<ClassSession> sessions)
    {
        if (From is { } from)
        {
            var fromUtc = JapaneseTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            sessions = sessions.Where(s => s.StartsAtUtc >= fromUtc);
        }
        if (To is { } to)
        {
            var untilUtc = JapaneseTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            sessions = sessions.Where(s => s.StartsAtUtc < untilUtc);
        }
        if (Venue is { } venue) sessions = sessions.Where(s => s.VenueId == venue);
        if (!string.IsNullOrEmpty(Topic)) sessions = sessions.Where(s => s.Course.Topic == Topic);
        if (Level is { } level) sessions = sessions.Where(s => s.Course.Level == level);
        if (Os is { } os and not TargetOs.Any) sessions = sessions.Where(s => s.Course.TargetOs == os || s.Course.TargetOs == TargetOs.Any);
        return sessions;
    }
}
