using System.Net;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Messaging;
using SumahoSupport.Core.Notifications;
using SumahoSupport.Core.Text;
using SumahoSupport.Tests.Infrastructure;

namespace SumahoSupport.Tests.Messaging;

/// <summary>The app with LINE, texts and calls switched on, each pointed at its stand-in on loopback.</summary>
public class ChannelsAppFactory : AppFactory
{
    public LineStandIn Line { get; } = new();
    public TwilioStandIn Twilio { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Line:ChannelSecret", LineStandIn.Secret);
        builder.UseSetting("Line:ChannelAccessToken", LineStandIn.Token);
        builder.UseSetting("Line:ApiBaseUrl", Line.BaseUrl);
        builder.UseSetting("Line:AddFriendUrl", "https://lin.ee/midori-test");
        builder.UseSetting("Sms:Provider", "Twilio");
        builder.UseSetting("Sms:Twilio:AccountSid", TwilioStandIn.Sid);
        builder.UseSetting("Sms:Twilio:AuthToken", TwilioStandIn.AuthToken);
        builder.UseSetting("Sms:Twilio:From", TwilioStandIn.From);
        builder.UseSetting("Sms:Twilio:BaseUrl", Twilio.BaseUrl);
        builder.UseSetting("Voice:Enabled", "true");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Line.DisposeAsync();
        await Twilio.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// Residents reached where they are: a LINE linked from the booking's page, a text to a mobile, a call to a landline the
/// day before — each answered (cancel, asked twice), each through the outbox, each provider's request checked by its
/// stand-in, each webhook refused unless the provider signed it.
/// </summary>
public sealed class ChannelTests(ChannelsAppFactory app) : IClassFixture<ChannelsAppFactory>
{
    private const string StatusHook = "https://sumaho.midori.example.jp/hooks/twilio/status";
    private static int landlines;

    [Fact]
    public async Task ALineResident_LinksWithTheCode_GetsTheReminder_AndCancelsAfterSayingYes_AndTheWaitingTextResidentIsPromoted()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var (code, page) = await BookAsync(session, TestData.NextPhone(), ContactPreference.Line);
        var waitingPhone = TestData.NextPhone();
        var (waiting, _) = await BookAsync(session, waitingPhone, ContactPreference.Sms);
        Assert.Equal(BookingStatus.Waitlisted, await StatusAsync(waiting));

        // The booking's page shows the add-friend QR and the one-time code; the resident sends the code to the account.
        var client = app.CreateBrowserLikeClient();
        var shown = await client.GetDocumentAsync(page);
        var linkCode = shown.QuerySelector(".link-code strong")!.TextContent;
        Assert.NotNull(shown.QuerySelector("a[href='https://lin.ee/midori-test']"));
        var user = LineStandIn.NewUserId();
        using (var linked = await app.Line.SendAsync(client, [LineStandIn.FollowEvent(user), LineStandIn.TextEvent(user, linkCode.ToLowerInvariant())]))
            Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Equal(0, (await app.DispatchMailAsync()).Failed);
        Assert.Contains(PushesTo(user), p => p.Text.Contains("LINE とつながりました", StringComparison.Ordinal));
        // The code was for once.
        Assert.Null(await app.WithDbAsync(db => db.Participants.Where(p => p.LineUserId == user).Select(p => p.LineLinkCode).SingleAsync()));

        // The day before, at noon: the reminder goes to LINE, with 「キャンセルする」.
        var startsAt = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.StartsAtUtc).SingleAsync());
        app.Clock.SetUtcNow(JapaneseTime.ToUtc(DateOnly.FromDateTime(JapaneseTime.ToTokyo(startsAt)).AddDays(-1).ToDateTime(new TimeOnly(12, 0))));
        await app.SendRemindersAsync();
        Assert.Equal(0, (await app.DispatchMailAsync()).Failed);
        var reminder = Assert.Single(PushesTo(user), p => p.Text.Contains("明日は教室の日です", StringComparison.Ordinal));
        Assert.Contains(code, reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("佐藤", reminder.Text, StringComparison.Ordinal);

        // 「キャンセルする」 asks once more; nothing is cancelled yet.
        using (await app.Line.SendAsync(client, [LineStandIn.PostbackEvent(user, Assert.Single(reminder.Postbacks))])) { }
        await app.DispatchMailAsync();
        var asked = Assert.Single(PushesTo(user), p => p.Text.Contains("本当にキャンセルしますか", StringComparison.Ordinal));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(code));

        using (await app.Line.SendAsync(client, [LineStandIn.PostbackEvent(user, asked.Postbacks.Single(p => p.StartsWith("cancel-yes:", StringComparison.Ordinal)))])) { }
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(code));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(waiting));
        Assert.Equal(0, (await app.DispatchMailAsync()).Failed);
        Assert.Contains(PushesTo(user), p => p.Text.Contains("ご予約をキャンセルしました", StringComparison.Ordinal));
        var promoted = Assert.Single(app.Twilio.Messages, m => m.To == ResidentChannels.E164(waitingPhone) && m.Body.Contains("キャンセル待ちから予約が確定しました", StringComparison.Ordinal));
        Assert.Contains(waiting, promoted.Body, StringComparison.Ordinal);
        Assert.Contains(await app.AuditEntriesAsync("booking.cancelled"), e => e.SubjectId == code && e.Details == "by LINE");
        Assert.Empty(app.Line.Refused);
        Assert.Empty(app.Twilio.Refused);
    }

    [Fact]
    public async Task ForgedOrUnsignedWebhooks_AreRefused_AndChangeNothing()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var (code, page) = await BookAsync(session, TestData.NextPhone(), ContactPreference.Line);
        var client = app.CreateBrowserLikeClient();
        var linkCode = (await client.GetDocumentAsync(page)).QuerySelector(".link-code strong")!.TextContent;
        var stranger = LineStandIn.NewUserId();

        using (var unsigned = await app.Line.SendAsync(client, [LineStandIn.TextEvent(stranger, linkCode)], signed: false))
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        using (var forged = await app.Line.SendAsync(client, [LineStandIn.TextEvent(stranger, linkCode)], secret: "not-the-channel-secret"))
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Participants.AnyAsync(p => p.LineUserId == stranger)));

        var status = new Dictionary<string, string> { ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["MessageStatus"] = "undelivered", ["AccountSid"] = TwilioStandIn.Sid };
        using (var forged = await TwilioStandIn.CallBackAsync(client, StatusHook, status, token: "not-the-auth-token"))
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        // Signed for another address than the one it was posted to (a replay against another hook).
        using (var moved = await TwilioStandIn.CallBackAsync(client, "https://sumaho.midori.example.jp/hooks/twilio/sms", status))
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var cancel = new Dictionary<string, string> { ["From"] = "+819000000000", ["Body"] = "キャンセル", ["MessageSid"] = "SM1" };
        using (var unsigned = await TwilioStandIn.CallBackAsync(client, "https://sumaho.midori.example.jp/hooks/twilio/sms", cancel, signed: false))
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        using (var unsigned = await TwilioStandIn.CallBackAsync(client, "https://sumaho.midori.example.jp/hooks/twilio/voice?m=" + Guid.NewGuid().ToString("N") + "&step=confirm",
            new() { ["Digits"] = "1" }, signed: false))
            Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(code));
    }

    [Fact]
    public async Task ATwilioOutageIsRetried_AndATextThatIsNotDelivered_PutsTheResidentOnTheCallList_Once_WithTheReason()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var phone = TestData.NextPhone();
        var (code, _) = await BookAsync(session, phone, ContactPreference.Sms);
        // Twilio is busy, then down: the text waits in the outbox and goes once it answers (retries wait out the evening).
        app.Twilio.FailNext(429, 503);
        Assert.True((await app.DispatchMailAsync()).Failed >= 1);
        for (var i = 0; i < 40 && !app.Twilio.Messages.Any(m => m.To == ResidentChannels.E164(phone)); i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(30));
            await app.DispatchMailAsync();
        }
        var text = Assert.Single(app.Twilio.Messages, m => m.To == ResidentChannels.E164(phone));
        Assert.Equal(OutboxStatus.Sent, await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ProviderId == text.Sid).Select(m => m.Status).SingleAsync()));
        Assert.Equal(StatusHook, text.StatusCallback);
        var client = app.CreateBrowserLikeClient();
        var report = new Dictionary<string, string>
        {
            ["MessageSid"] = text.Sid, ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30003", ["AccountSid"] = TwilioStandIn.Sid,
            ["To"] = text.To, ["From"] = TwilioStandIn.From,
        };
        for (var i = 0; i < 2; i++)
        {
            using var answer = await TwilioStandIn.CallBackAsync(client, text.StatusCallback, report);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
        var call = Assert.Single(await app.WithDbAsync(db => db.CallTasks.Where(c => c.Booking!.Code == code).ToListAsync()));
        Assert.Equal(CallReason.NotReached, call.Reason);
        Assert.Contains("30003", call.Note, StringComparison.Ordinal);
        Assert.Equal("undelivered", await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.ProviderId == text.Sid).Select(m => m.DeliveryStatus).SingleAsync()));
    }

    [Fact]
    public async Task TheDayBeforeCall_ToALandline_CancelsWhenOneIsPressedTwice()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var landline = $"0355{Interlocked.Increment(ref landlines):D6}";
        var (code, _) = await BookAsync(session, landline, ContactPreference.Voice);
        var startsAt = await app.WithDbAsync(db => db.ClassSessions.Where(s => s.Id == session).Select(s => s.StartsAtUtc).SingleAsync());
        app.Clock.SetUtcNow(JapaneseTime.ToUtc(DateOnly.FromDateTime(JapaneseTime.ToTokyo(startsAt)).AddDays(-1).ToDateTime(new TimeOnly(12, 0))));
        await app.SendRemindersAsync();
        Assert.Equal(0, (await app.DispatchMailAsync()).Failed);
        var call = Assert.Single(app.Twilio.Calls, c => c.To == ResidentChannels.E164(landline));

        var client = app.CreateBrowserLikeClient();
        var answered = new Dictionary<string, string> { ["CallSid"] = call.Sid, ["AccountSid"] = TwilioStandIn.Sid, ["CallStatus"] = "in-progress", ["To"] = call.To };
        var menu = await TwiMLAsync(client, call.Url, answered);
        var say = menu.Descendants("Say").First();
        Assert.Equal("ja-JP", say.Attribute("language")!.Value);
        Assert.Contains("キャンセルするときは 1 を、もう一度聞くときは 2 を", say.Value, StringComparison.Ordinal);

        var confirm = await TwiMLAsync(client, menu.Descendants("Gather").Single().Attribute("action")!.Value, new(answered) { ["Digits"] = "1" });
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(code));
        var done = await TwiMLAsync(client, confirm.Descendants("Gather").Single().Attribute("action")!.Value, new(answered) { ["Digits"] = "1" });
        Assert.Contains("キャンセルしました", done.Root!.Value, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(code));
        Assert.Contains(await app.AuditEntriesAsync("booking.cancelled"), e => e.SubjectId == code && e.Details == "by voice");
    }

    [Fact]
    public async Task NewsInTheQuietHours_WaitsUntilNine_AndAProviderOutageIsRetried_WithTheSameRetryKey()
    {
        // 21:00 Tokyo on the next evening.
        var tokyo = JapaneseTime.ToTokyo(app.Clock.GetUtcNow().UtcDateTime);
        app.Clock.SetUtcNow(JapaneseTime.ToUtc(DateOnly.FromDateTime(tokyo).AddDays(1).ToDateTime(new TimeOnly(21, 0))));
        var session = await app.CreateSessionAsync(capacity: 1);
        var (first, _) = await BookAsync(session, TestData.NextPhone(), ContactPreference.Email, email: $"{Guid.NewGuid():N}@example.jp");
        var (second, page) = await BookAsync(session, TestData.NextPhone(), ContactPreference.Line);
        var client = app.CreateBrowserLikeClient();
        var user = LineStandIn.NewUserId();
        var linkCode = (await client.GetDocumentAsync(page)).QuerySelector(".link-code strong")!.TextContent;
        using (await app.Line.SendAsync(client, [LineStandIn.TextEvent(user, linkCode)])) { }
        await app.DispatchMailAsync();
        // An answer to what the resident just wrote goes at once, evening or not.
        Assert.Single(PushesTo(user));

        await app.WithBookingsAsync(b => b.CancelByStaffAsync(first, null, default));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(second));
        await app.DispatchMailAsync();
        Assert.Single(PushesTo(user));

        // 9:00 the next morning, LINE is down twice: the promotion is retried, and LINE sees one push.
        app.Clock.SetUtcNow(JapaneseTime.ToUtc(DateOnly.FromDateTime(tokyo).AddDays(2).ToDateTime(new TimeOnly(9, 0))));
        app.Line.FailNext(500, 429);
        var failed = await app.DispatchMailAsync();
        Assert.True(failed.Failed >= 1);
        for (var i = 0; i < 4 && PushesTo(user).Count < 2; i++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(30));
            await app.DispatchMailAsync();
        }
        var promotion = Assert.Single(PushesTo(user), p => p.Text.Contains("キャンセル待ちから予約が確定しました", StringComparison.Ordinal));
        var row = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Channel == MessageChannel.Line && m.RelatesTo == second && m.Kind == "booking-promoted").SingleAsync());
        Assert.Equal(ChannelSender.RetryKey(row), promotion.RetryKey);
        Assert.True(row.Attempts >= 2);
        Assert.Equal(OutboxStatus.Sent, row.Status);
    }

    [Fact]
    public async Task ATextResident_RepliesCancel_ThenYes_AndTheBookingIsCancelled_WhileAStrangersNumberChangesNothing()
    {
        var session = await app.CreateSessionAsync(capacity: 5);
        var phone = TestData.NextPhone();
        var (code, _) = await BookAsync(session, phone, ContactPreference.Sms);
        await app.DispatchMailAsync();
        var client = app.CreateBrowserLikeClient();
        const string inbound = "https://sumaho.midori.example.jp/hooks/twilio/sms";
        Dictionary<string, string> Text(string from, string body) => new()
        {
            ["MessageSid"] = "SM" + Guid.NewGuid().ToString("N"), ["AccountSid"] = TwilioStandIn.Sid, ["From"] = from, ["To"] = TwilioStandIn.From, ["Body"] = body,
        };
        async Task SendAsync(string from, string body)
        {
            using var answer = await TwilioStandIn.CallBackAsync(client, inbound, Text(from, body));
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("text/xml", answer.Content.Headers.ContentType?.MediaType);
            await app.DispatchMailAsync();
        }
        var mine = ResidentChannels.E164(phone);

        // 「はい」 alone cancels nothing; a stranger's 「キャンセル」 then 「はい」 neither.
        await SendAsync(mine, "はい");
        await SendAsync("+819099999999", "キャンセル");
        await SendAsync("+819099999999", "はい");
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(code));

        await SendAsync(mine, "ｷｬﾝｾﾙ");
        Assert.Contains(app.Twilio.Messages, m => m.To == mine && m.Body.Contains("「はい」と返信", StringComparison.Ordinal));
        Assert.Equal(BookingStatus.Confirmed, await StatusAsync(code));
        await SendAsync(mine, "はい");
        Assert.Equal(BookingStatus.Cancelled, await StatusAsync(code));
        Assert.Contains(app.Twilio.Messages, m => m.To == mine && m.Body.Contains("ご予約をキャンセルしました", StringComparison.Ordinal));
        Assert.Contains(await app.AuditEntriesAsync("booking.cancelled"), e => e.SubjectId == code && e.Details == "by SMS");

        // 「停止」: no more texts; the next news goes to the call list.
        await SendAsync(mine, "停止");
        Assert.Equal(ContactPreference.Phone, await app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Participant.ContactPreference).SingleAsync()));
        Assert.Empty(app.Twilio.Refused);
    }

    /// <summary>The webhooks in the authorization matrix: no cookie, role or form token opens them — only the signature.</summary>
    [Fact]
    public async Task EveryWebhook_RefusesEveryVisitor_WithoutTheProvidersSignature()
    {
        var visitors = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.CreateBrowserLikeClient(),
            ["coordinator"] = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword),
            ["administrator"] = await app.SignedInClientAsync(DemoAccounts.AdminEmail, DemoAccounts.AdminPassword),
        };
        var wrong = new List<string>();
        foreach (var (visitor, client) in visitors)
        {
            foreach (var hook in Hooks)
            {
                using (var get = await client.GetAsync(hook))
                    if (get.StatusCode != HttpStatusCode.MethodNotAllowed) wrong.Add($"{visitor} GET {hook}: {(int)get.StatusCode}");
                using var json = new StringContent("{\"events\":[]}", System.Text.Encoding.UTF8, "application/json");
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["From"] = "+819000000000", ["Body"] = "キャンセル" });
                using var post = await client.PostAsync(hook, hook == "/hooks/line" ? json : form);
                if (post.StatusCode != HttpStatusCode.Unauthorized) wrong.Add($"{visitor} POST {hook} unsigned: {(int)post.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    public static readonly string[] Hooks = ["/hooks/line", "/hooks/twilio/sms", "/hooks/twilio/status", "/hooks/twilio/voice"];

    private List<LineStandIn.Push> PushesTo(string user) => [.. app.Line.Pushes.Where(p => p.To == user)];

    private Task<BookingStatus> StatusAsync(string code) => app.WithDbAsync(db => db.Bookings.Where(b => b.Code == code).Select(b => b.Status).SingleAsync());

    private async Task<XDocument> TwiMLAsync(HttpClient client, string url, Dictionary<string, string> form)
    {
        using var answer = await TwilioStandIn.CallBackAsync(client, url, form);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return XDocument.Parse(await answer.Content.ReadAsStringAsync());
    }

    /// <summary>入力 → 確認 → 完了 on the public form, with ご連絡の方法 chosen; the 予約番号 and the page it lands on.</summary>
    private async Task<(string Code, string Page)> BookAsync(int session, string phone, ContactPreference contact, string? email = null)
    {
        var client = app.CreateBrowserLikeClient();
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "佐藤 一郎", ["Input.Kana"] = "さとう いちろう", ["Input.Phone"] = phone, ["Input.Device"] = nameof(DeviceType.Android),
            ["Input.Contact"] = contact.ToString(), ["Consent"] = "true",
        };
        if (email is not null) values["Input.Email"] = email;
        using var response = await client.SubmitAndConfirmAsync($"/Classes/{session}/Book", values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return (new Uri(new Uri("http://localhost"), location).AbsolutePath.Split('/')[2], location);
    }
}

/// <summary>The channels with a cap of two texts or calls a month.</summary>
public sealed class CappedChannelsAppFactory : ChannelsAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sms:MonthlyCap", "2");
    }
}

/// <summary>Texts and calls cost the city money: over <c>Sms:MonthlyCap</c> a month, the news goes to the call list.</summary>
public sealed class MonthlyCapTests(CappedChannelsAppFactory app) : IClassFixture<CappedChannelsAppFactory>
{
    [Fact]
    public async Task OverTheMonthlyCap_NewsGoesToTheCallList_AndTheCoordinatorsSeeTheCount()
    {
        var session = await app.CreateSessionAsync(capacity: 1);
        var phones = Enumerable.Range(0, 4).Select(_ => TestData.NextPhone()).ToList();
        var codes = new List<string>();
        foreach (var phone in phones)
        {
            var booked = await app.BookAsync(session, TestData.Resident(phone) with { Contact = ContactPreference.Sms });
            codes.Add(booked switch { BookingResult.Booked b => b.Code, BookingResult.Waitlisted w => w.Code, _ => throw new InvalidOperationException(booked.ToString()) });
        }
        // The seat and one waiting place were told by text; the cap is reached.
        var texts = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Channel == MessageChannel.Sms).Select(m => m.RelatesTo).ToListAsync());
        Assert.Equal(codes.Take(2), texts);

        // The first seat freed: the second resident's promotion would be a third text; it is a call instead.
        await app.WithBookingsAsync(b => b.CancelByStaffAsync(codes[0], null, default));
        Assert.Equal(2, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == MessageChannel.Sms)));
        var call = Assert.Single(await app.WithDbAsync(db => db.CallTasks.Where(c => c.Booking!.Code == codes[1]).ToListAsync()));
        Assert.Equal(CallReason.Promoted, call.Reason);

        var coordinator = await app.SignedInClientAsync(DemoAccounts.CoordinatorEmail, DemoAccounts.CoordinatorPassword);
        var home = await coordinator.GetDocumentAsync("/Coordinator");
        Assert.Contains("2 件（上限 2 件", home.QuerySelector("#paid-this-month")!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>The demo's residents, with LINE and texts switched on.</summary>
public sealed class DemoChannelsAppFactory : ChannelsAppFactory
{
    protected override bool DemoActivity => true;
}

/// <summary>
/// The 電話連絡リスト a coordinator works through, for the demo's residents: with LINE and texts on, it holds only those no
/// channel reaches — not everyone without e-mail.
/// </summary>
public sealed class DemoCallListTests(DemoChannelsAppFactory app) : IClassFixture<DemoChannelsAppFactory>
{
    [Fact]
    public async Task TheDayBefore_OnlyResidentsNoChannelReaches_AreOnTheCallList()
    {
        // Tomorrow at 10:00; the reminders go from 10:00 today.
        var today = JapaneseTime.TodayInTokyo(app.Clock);
        var remindFrom = JapaneseTime.ToUtc(today.ToDateTime(new TimeOnly(10, 0)));
        if (app.Clock.GetUtcNow().UtcDateTime < remindFrom) app.Clock.SetUtcNow(remindFrom);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var session = await app.CreateSessionAsync(capacity: 40, startsIn: JapaneseTime.ToUtc(today.AddDays(1).ToDateTime(new TimeOnly(10, 0))) - now);

        // Every demo resident booked by phone: staff keep one record per phone and ふりがな, so each keeps how they are reached.
        var residents = await app.WithDbAsync(db => db.Participants.Where(p => p.ErasedAtUtc == null && p.Phone.StartsWith("0902000")).ToListAsync());
        Assert.True(residents.Count >= 8);
        foreach (var p in residents)
        {
            var booked = await app.BookAsync(session, new BookingRequest(p.Name, p.Kana, p.Phone, p.Email, p.AgeBand, p.Device, null, BookingChannel.Phone), BookingKind.Proxy);
            Assert.IsType<BookingResult.Booked>(booked);
        }
        await app.SendRemindersAsync();

        var calls = await app.WithDbAsync(db => db.CallTasks.Where(c => c.Booking!.ClassSessionId == session).Select(c => c.Booking!.Participant.Phone).ToListAsync());
        var byChannel = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind.EndsWith("reminder"))
            .Join(db.Bookings.Where(b => b.ClassSessionId == session), m => m.RelatesTo, b => b.Code, (m, b) => new { m.Channel, b.Participant.Phone })
            .ToListAsync());
        var withoutEmail = residents.Count(p => p.Email is null);
        Assert.Equal(residents.Where(p => p.ContactPreference == ContactPreference.Phone).Select(p => p.Phone).Order(), calls.Order());
        Assert.True(calls.Count < withoutEmail, $"{calls.Count} calls for {withoutEmail} residents without e-mail");
        Assert.Equal(residents.Where(p => p.ContactPreference == ContactPreference.Sms).Select(p => p.Phone).Order(),
            byChannel.Where(m => m.Channel == MessageChannel.Sms).Select(m => m.Phone).Order());
        Assert.Equal(residents.Where(p => p.ContactPreference == ContactPreference.Line).Select(p => p.Phone).Order(),
            byChannel.Where(m => m.Channel == MessageChannel.Line).Select(m => m.Phone).Order());
    }
}
