using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Calendar;

/// <summary>
/// iCalendar (RFC 5545) and iTIP methods (RFC 5546) for class invitations: REQUEST for new and changed ones, CANCEL
/// with STATUS:CANCELLED; times in Asia/Tokyo with its own VTIMEZONE; reminders a day and an hour before.
/// </summary>
public static class InvitationWriter
{
    public const string TimeZoneId = "Asia/Tokyo";
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public static string MethodOf(Invitation invitation) => invitation.Cancelled ? Cancel : Request;

    /// <summary>One invitation, as sent by mail or downloaded from the booking page.</summary>
    public static string Write(Invitation invitation, DateTime stampUtc)
    {
        var calendar = NewCalendar();
        calendar.Method = MethodOf(invitation);
        calendar.Events.Add(Event(invitation, stampUtc));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>A subscription feed (a supporter's assignments, a venue's classes): published events, no method.</summary>
    public static string WriteFeed(string name, IEnumerable<Invitation> events, DateTime stampUtc)
    {
        var calendar = NewCalendar();
        calendar.Method = "PUBLISH";
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", TimeZoneId);
        foreach (var invitation in events) calendar.Events.Add(Event(invitation, stampUtc));
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static Ical.Net.Calendar NewCalendar()
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//SumahoSupport//スマホ教室//JA" };
        calendar.TimeZones.Add(Tokyo());
        return calendar;
    }

    /// <summary>Japan has kept +09:00 all year since 1951: one STANDARD block is the whole story.</summary>
    private static VTimeZone Tokyo()
    {
        var zone = new VTimeZone(TimeZoneId);
        zone.TimeZoneInfos.Add(new Ical.Net.VTimeZoneInfo("STANDARD")
        {
            TimeZoneName = "JST",
            OffsetFrom = new UtcOffset(TimeSpan.FromHours(9)),
            OffsetTo = new UtcOffset(TimeSpan.FromHours(9)),
            Start = new CalDateTime(1970, 1, 1, 0, 0, 0, null),
        });
        return zone;
    }

    private static CalendarEvent Event(Invitation invitation, DateTime stampUtc)
    {
        var start = JapaneseTime.ToTokyo(invitation.StartsAtUtc);
        var end = JapaneseTime.ToTokyo(invitation.EndsAtUtc);
        var calendarEvent = new CalendarEvent
        {
            Uid = invitation.Uid,
            Sequence = invitation.Sequence,
            DtStamp = new CalDateTime(DateTime.SpecifyKind(stampUtc, DateTimeKind.Utc), CalDateTime.UtcTzId),
            DtStart = new CalDateTime(DateOnly.FromDateTime(start), TimeOnly.FromDateTime(start), TimeZoneId),
            DtEnd = new CalDateTime(DateOnly.FromDateTime(end), TimeOnly.FromDateTime(end), TimeZoneId),
            Summary = invitation.Summary,
            Location = invitation.Location,
            Description = invitation.Description,
            Status = invitation.Cancelled ? "CANCELLED" : "CONFIRMED",
            Transparency = "OPAQUE",
            Organizer = new Organizer("mailto:" + invitation.OrganizerEmail) { CommonName = invitation.OrganizerName },
        };
        calendarEvent.Attendees.Add(new Attendee("mailto:" + invitation.AttendeeEmail)
        {
            CommonName = invitation.AttendeeName,
            Role = "REQ-PARTICIPANT",
            ParticipationStatus = invitation.ReplyRequested ? "NEEDS-ACTION" : "ACCEPTED",
            Rsvp = invitation.ReplyRequested,
        });
        if (!invitation.Cancelled)
        {
            calendarEvent.Alarms.Add(Reminder(Duration.FromDays(-1), "明日は" + invitation.Summary + "です"));
            calendarEvent.Alarms.Add(Reminder(Duration.FromHours(-1), "1時間後に" + invitation.Summary + "が始まります"));
        }
        return calendarEvent;
    }

    private static Alarm Reminder(Duration before, string text) => new()
    {
        Action = "DISPLAY",
        Description = text,
        Trigger = new Trigger(before),
    };
}
