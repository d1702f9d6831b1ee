using MimeKit;
using MimeKit.Text;

namespace SumahoSupport.Core.Notifications;

/// <summary>
/// Turns an outbox row into the message calendar clients expect (iMIP, RFC 6047): multipart/mixed holding
/// multipart/alternative (text/plain, text/html, text/calendar; method=…) plus the same .ics as an attachment.
/// </summary>
public static class MailComposer
{
    public static MimeMessage Compose(OutboxMessage row, string fromAddress, string fromName)
    {
        // The Date is when the change happened, so a resent row is the same message in every header.
        var message = new MimeMessage { Subject = row.Title, MessageId = row.MessageId, Date = new DateTimeOffset(row.CreatedAtUtc, TimeSpan.Zero) };
        message.From.Add(new MailboxAddress(fromName, fromAddress));
        message.To.Add(new MailboxAddress(row.ToName, row.ToAddress));
        message.Headers.Add(HeaderId.AutoSubmitted, "auto-generated");

        var alternative = new MultipartAlternative
        {
            Text(TextFormat.Plain, row.TextBody),
            Text(TextFormat.Html, row.HtmlBody),
        };
        if (row.CalendarIcs is null)
        {
            message.Body = alternative;
            return message;
        }

        // iCalendar lines end in CRLF; bytes (not a TextPart) keep them exactly as Ical.Net wrote them.
        var inline = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row.CalendarIcs))),
        };
        inline.ContentType.Charset = "utf-8";
        inline.ContentType.Parameters.Add("method", row.CalendarMethod ?? "REQUEST");
        inline.ContentTransferEncoding = ContentEncoding.Base64;
        alternative.Add(inline);

        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(row.CalendarIcs))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = row.CalendarMethod == "CANCEL" ? "cancel.ics" : "invite.ics",
        };
        message.Body = new Multipart("mixed") { alternative, attachment };
        return message;
    }

    private static TextPart Text(TextFormat format, string body)
    {
        var part = new TextPart(format) { Text = body };
        part.ContentType.Charset = "utf-8";
        part.ContentTransferEncoding = ContentEncoding.Base64;
        return part;
    }
}
