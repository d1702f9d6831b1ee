using MimeKit;
using MimeKit.Text;

namespace SumahoSupport.Tests.Calendar;

/// <summary>
/// iTIP REPLY mails (RFC 5546) as three calendar programs write them, modelled on real ones: what the parts are, how the
/// calendar is encoded, and which lines its event carries.
/// </summary>
public static class CalendarReplyMail
{
    public sealed record Answer(string Uid, int Sequence, string Attendee, string PartStat, string Organizer, string? Comment = null);

    /// <summary>
    /// Apple Calendar (iOS, macOS): multipart/alternative of a short text and one text/calendar part, method=REPLY, in
    /// UTF-8 quoted-printable; the event repeats the times and summary, the attendee line carries EMAIL=.
    /// </summary>
    public static MimeMessage Apple(Answer answer)
    {
        var ics = Lines(
            "BEGIN:VCALENDAR", "METHOD:REPLY", "PRODID:-//Apple Inc.//iPhone OS 18.1//EN", "VERSION:2.0", "CALSCALE:GREGORIAN",
            "BEGIN:VEVENT",
            $"ATTENDEE;CN=\"支援員\";CUTYPE=INDIVIDUAL;EMAIL=\"{answer.Attendee}\";PARTSTAT={answer.PartStat}:mailto:{answer.Attendee}",
            "DTEND;TZID=Asia/Tokyo:20261216T200000", "DTSTAMP:20261207T010203Z", "DTSTART;TZID=Asia/Tokyo:20261216T180000",
            $"ORGANIZER;CN=\"緑市 スマホ教室\":mailto:{answer.Organizer}", $"SEQUENCE:{answer.Sequence}", "SUMMARY:【補助】スマホ入門",
            $"UID:{answer.Uid}", "END:VEVENT", "END:VCALENDAR");
        var calendar = new TextPart("calendar") { Text = ics, ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        calendar.ContentType.Parameters.Add("method", "REPLY");
        calendar.ContentType.Charset = "utf-8";
        return Message(answer, "承諾: 【補助】スマホ入門", new MultipartAlternative
        {
            new TextPart(TextFormat.Plain) { Text = "支援員 has accepted your event invitation." },
            calendar,
        });
    }

    /// <summary>
    /// Outlook (Exchange): the calendar base64 in a text/calendar part of multipart/alternative beside HTML, and an event
    /// holding the attendee line with little else — no ORGANIZER, no times; a decline's words in COMMENT.
    /// </summary>
    public static MimeMessage Outlook(Answer answer)
    {
        var ics = Lines(
            "BEGIN:VCALENDAR", "METHOD:REPLY", "PRODID:Microsoft Exchange Server 2010", "VERSION:2.0",
            "BEGIN:VEVENT",
            $"ATTENDEE;PARTSTAT={answer.PartStat};CN=支援員:MAILTO:{answer.Attendee.ToUpperInvariant()}",
            answer.Comment is null ? null : $"COMMENT;LANGUAGE=ja-JP:{answer.Comment}",
            $"UID:{answer.Uid}", $"SEQUENCE:{answer.Sequence}", "DTSTAMP:20261207T010203Z",
            "END:VEVENT", "END:VCALENDAR");
        var calendar = new TextPart("calendar") { Text = ics, ContentTransferEncoding = ContentEncoding.Base64 };
        calendar.ContentType.Parameters.Add("method", "REPLY");
        calendar.ContentType.Charset = "utf-8";
        return Message(answer, "辞退: 【補助】スマホ入門", new MultipartAlternative
        {
            new TextPart(TextFormat.Html) { Text = $"<html><body><p>{answer.Comment}</p></body></html>" },
            calendar,
        });
    }

    /// <summary>
    /// Google Calendar: multipart/mixed of an alternative (text, HTML, text/calendar method=REPLY) and the same calendar
    /// again as an application/ics attachment named invite.ics; times in UTC, CN the address itself.
    /// </summary>
    public static MimeMessage Google(Answer answer)
    {
        var ics = Lines(
            "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0", "CALSCALE:GREGORIAN", "METHOD:REPLY",
            "BEGIN:VEVENT", "DTSTART:20261216T090000Z", "DTEND:20261216T110000Z", "DTSTAMP:20261207T010203Z",
            $"ORGANIZER;CN=緑市 スマホ教室:mailto:{answer.Organizer}", $"UID:{answer.Uid}",
            $"ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT={answer.PartStat};CN={answer.Attendee};X-NUM-GUESTS=0:mailto:{answer.Attendee}",
            "CREATED:20261207T000000Z", "LAST-MODIFIED:20261207T010203Z", $"SEQUENCE:{answer.Sequence}", "STATUS:CONFIRMED",
            "SUMMARY:【補助】スマホ入門", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR");
        var inline = new TextPart("calendar") { Text = ics, ContentTransferEncoding = ContentEncoding.SevenBit };
        inline.ContentType.Parameters.Add("method", "REPLY");
        inline.ContentType.Charset = "UTF-8";
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        return Message(answer, "Invitation: 【補助】スマホ入門 @ Wed Dec 16, 2026 (Tentative)", new Multipart("mixed")
        {
            new MultipartAlternative
            {
                new TextPart(TextFormat.Plain) { Text = $"{answer.Attendee} has tentatively accepted this invitation." },
                new TextPart(TextFormat.Html) { Text = "<p>tentatively accepted</p>" },
                inline,
            },
            attachment,
        });
    }

    /// <summary>A person's mail to the organizer's mailbox: no calendar in it.</summary>
    public static MimeMessage Letter(string from, string organizer) => Message(
        new Answer("", 0, from, "", organizer), "教室の件", new TextPart(TextFormat.Plain) { Text = "来週の教室の持ち物を教えてください。" });

    private static MimeMessage Message(Answer answer, string subject, MimeEntity body)
    {
        var message = new MimeMessage
        {
            Subject = subject,
            Body = body,
            MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("calendar.example"),
        };
        message.From.Add(MailboxAddress.Parse(answer.Attendee));
        message.To.Add(MailboxAddress.Parse(answer.Organizer));
        return message;
    }

    private static string Lines(params string?[] lines) => string.Join("\r\n", lines.Where(l => l is not null)) + "\r\n";
}
