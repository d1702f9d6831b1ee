using SumahoSupport.Core.Calendar;

namespace SumahoSupport.Tests.Calendar;

public sealed class InvitationWriterTests
{
    private static readonly DateTime Start = new(2026, 11, 24, 1, 0, 0, DateTimeKind.Utc);

    public static Invitation Sample(int sequence = 0, bool cancelled = false, bool reply = false) => new(
        "booking-K7M-4PX@example.jp", sequence, cancelled, Start, Start.AddHours(2), "LINEをはじめよう",
        "中央公民館 みどり市中央1丁目2番3号", "持ち物: スマホ\n予約の確認・キャンセル: https://example.jp/Bookings/K7M-4PX?token=x",
        "noreply@example.jp", "みどり市 スマホ教室", "hanako@example.jp", "山田 花子", reply);

    private static string Unfolded(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    [Fact]
    public void Request_HasTokyoTimesOneStandardBlockAndTwoAlarms()
    {
        var ics = Unfolded(InvitationWriter.Write(Sample(), Start.AddDays(-3)));
        Assert.Contains("METHOD:REQUEST", ics, StringComparison.Ordinal);
        Assert.Contains("UID:booking-K7M-4PX@example.jp", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:0", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART;TZID=Asia/Tokyo:20261124T100000", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Asia/Tokyo:20261124T120000", ics, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(ics, "BEGIN:VTIMEZONE"));
        Assert.Equal(1, CountOf(ics, "BEGIN:STANDARD"));
        Assert.Equal(0, CountOf(ics, "BEGIN:DAYLIGHT"));
        Assert.Contains("TZOFFSETTO:+0900", ics, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(ics, "BEGIN:VALARM"));
        Assert.Contains("TRIGGER:-P1D", ics, StringComparison.Ordinal);
        Assert.Contains("TRIGGER:-PT1H", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CONFIRMED", ics, StringComparison.Ordinal);
        Assert.Matches("ORGANIZER;CN=\"?みどり市 スマホ教室\"?:mailto:noreply@example.jp", ics);
        Assert.Matches("ATTENDEE;[^\r\n]*CN=\"?山田 花子\"?[^\r\n]*RSVP=FALSE[^\r\n]*:mailto:hanako@example.jp", ics);
    }

    [Fact]
    public void Cancel_RaisesTheSequenceAndSaysCancelled()
    {
        var ics = Unfolded(InvitationWriter.Write(Sample(sequence: 2, cancelled: true), Start));
        Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
        Assert.Contains("SEQUENCE:2", ics, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
        Assert.Equal(0, CountOf(ics, "BEGIN:VALARM"));
    }

    [Fact]
    public void SupporterInvitations_AskForAReply() =>
        Assert.Matches("ATTENDEE;[^\r\n]*RSVP=TRUE", Unfolded(InvitationWriter.Write(Sample(reply: true), Start)));

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
