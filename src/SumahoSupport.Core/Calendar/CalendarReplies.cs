using System.Text;
using MimeKit;

namespace SumahoSupport.Core.Calendar;

/// <summary>One attendee's answer to one invitation, as an iTIP REPLY (RFC 5546, 3.2.3) carries it.</summary>
public sealed record CalendarReply(string Uid, int Sequence, string AttendeeEmail, string PartStat, string? Comment);

/// <summary>
/// Reads the iTIP REPLY out of a mail, whichever calendar program wrote it: Apple Calendar sends one text/calendar part
/// with <c>method=REPLY</c>; Google the same inside multipart/alternative and again as an <c>invite.ics</c> attachment
/// (application/ics); Outlook a base64 text/calendar part whose event may hold the attendee line and little else. The
/// calendar's own METHOD decides, not the Content-Type parameter, which some programs leave out.
/// </summary>
public static class CalendarReplies
{
    /// <summary>The replies in <paramref name="message"/>, one per invitation and attendee; empty when it holds none.</summary>
    public static IReadOnlyList<CalendarReply> Read(MimeMessage message)
    {
        var replies = new List<CalendarReply>();
        foreach (var part in message.BodyParts.OfType<MimePart>().Where(IsCalendar))
        {
            foreach (var reply in Parse(TextOf(part)))
            {
                if (!replies.Exists(r => r.Uid == reply.Uid && string.Equals(r.AttendeeEmail, reply.AttendeeEmail, StringComparison.OrdinalIgnoreCase)))
                    replies.Add(reply);
            }
        }
        return replies;
    }

    private static bool IsCalendar(MimePart part) =>
        part.ContentType.IsMimeType("text", "calendar") || part.ContentType.IsMimeType("application", "ics")
        || (part.FileName?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ?? false);

    private static string TextOf(MimePart part)
    {
        if (part is TextPart text) return text.Text;
        using var decoded = new MemoryStream();
        part.Content?.DecodeTo(decoded);
        return Encoding.UTF8.GetString(decoded.ToArray());
    }

    private static IEnumerable<CalendarReply> Parse(string text)
    {
        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Anyone can mail the mailbox: whatever a stranger's attachment makes the parser throw, it is not a reply
            // this app can read, and it must not stop the replies after it. The mail stays for a person to look at.
            yield break;
        }
        if (calendar is null || !string.Equals(calendar.Method, "REPLY", StringComparison.OrdinalIgnoreCase)) yield break;
        foreach (var reply in calendar.Events)
        {
            if (string.IsNullOrWhiteSpace(reply.Uid)) continue;
            var comment = reply.Properties.FirstOrDefault(p => p.Name == "COMMENT")?.Value?.ToString();
            foreach (var attendee in reply.Attendees)
            {
                var address = AddressOf(attendee.Value);
                if (address is null || string.IsNullOrWhiteSpace(attendee.ParticipationStatus)) continue;
                yield return new CalendarReply(reply.Uid.Trim(), reply.Sequence, address, attendee.ParticipationStatus.ToUpperInvariant(),
                    string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
            }
        }
    }

    private static string? AddressOf(Uri? attendee)
    {
        var value = attendee?.OriginalString.Trim();
        if (value is null) return null;
        if (value.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) value = value["mailto:".Length..];
        return MailboxAddress.TryParse(value, out var address) ? address.Address : null;
    }
}
