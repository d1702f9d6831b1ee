using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Accounts;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Bookings;

/// <summary>What a 予約番号 and a phone number opened: a class booking or a consultation, with its manage token.</summary>
public abstract record LookupResult
{
    private LookupResult()
    {
    }

    public sealed record Found(string Code, string Token, bool IsConsultation) : LookupResult;

    /// <summary>No booking with this pair — whichever part was wrong, and whether or not the code exists.</summary>
    public sealed record NotFound : LookupResult;

    /// <summary>Too many wrong tries for this 予約番号, or from this client: the help line opens it instead.</summary>
    public sealed record Refused : LookupResult;
}

/// <summary>
/// 予約を確認・キャンセルする without the mailed link: a resident who has no e-mail, or lost the slip's QR, opens their
/// booking with its 予約番号 and the phone number they booked with. A stranger holding one of the two must not get the
/// other: every wrong try is counted for the code (whether it exists or not, so a refusal tells nothing) and for the
/// client; after <see cref="TriesPerCode"/> wrong phones in a day the code cannot be opened this way, and that is audited
/// for staff (<c>booking.lookup-locked</c>). Every opening is audited too. The tries share the sign-in failure table:
/// the same counting, another key.
/// </summary>
public sealed class BookingLookup(AppDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock)
{
    /// <summary>Wrong phones for one 予約番号 within <see cref="CodeWindow"/>: after that, only the help line opens it.</summary>
    public const int TriesPerCode = 5;

    /// <summary>Wrong pairs from one client within <see cref="ClientWindow"/>, over every code.</summary>
    public const int TriesPerClient = 10;

    public static readonly TimeSpan CodeWindow = TimeSpan.FromDays(1);
    public static readonly TimeSpan ClientWindow = TimeSpan.FromHours(1);
    private const string CodePrefix = "booking:";
    private const string ClientAccount = "booking-lookup";

    public async Task<LookupResult> FindAsync(string? code, string? phone, string client, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // The key is what was typed, folded the way codes are: a code that does not exist locks like one that does.
        var normalizedCode = BookingSecrets.NormalizeCode(code);
        var codeKey = CodePrefix + (normalizedCode ?? "invalid");
        var normalizedPhone = PhoneNumber.Normalize(phone);

        // Counted before the pair is checked, as sign-ins are (SignInThrottle): of tries racing each other, the k-th to be
        // written sees at least k, so a burst gets no more than the limit checked.
        var codeTry = new SignInFailure { Account = codeKey, Source = client, AtUtc = now };
        var clientTry = new SignInFailure { Account = ClientAccount, Source = client, AtUtc = now };
        await work.RunAsync(async unit =>
        {
            // What no longer counts is not kept.
            await unit.DeleteAsync(db.SignInFailures.Where(f => (f.Account == codeKey && f.AtUtc <= now - CodeWindow)
                || (f.Account == ClientAccount && f.Source == client && f.AtUtc <= now - ClientWindow)), ct);
            db.SignInFailures.AddRange(codeTry, clientTry);
        }, ct);
        var codeTries = await db.SignInFailures.CountAsync(f => f.Account == codeKey && f.AtUtc > now - CodeWindow, ct);
        var clientTries = await db.SignInFailures.CountAsync(f => f.Account == ClientAccount && f.Source == client && f.AtUtc > now - ClientWindow, ct);
        if (codeTries > TriesPerCode || clientTries > TriesPerClient)
        {
            // Refused without checking: it does not lengthen the lock.
            await work.RunAsync(unit => unit.DeleteAsync(db.SignInFailures.Where(f => f.Id == codeTry.Id || f.Id == clientTry.Id), ct), ct);
            return new LookupResult.Refused();
        }

        // Both tables are asked every time, so a right code with a wrong phone takes the same work as a wrong code.
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.Code == normalizedCode && b.PhoneKey == normalizedPhone)
            .Select(b => new { b.Code, b.ManageToken }).SingleOrDefaultAsync(ct);
        var consultation = await db.ConsultationBookings.AsNoTracking()
            .Where(c => c.Code == normalizedCode && c.Participant.Phone == normalizedPhone)
            .Select(c => new { c.Code, c.ManageToken }).SingleOrDefaultAsync(ct);
        if (normalizedCode is not null && normalizedPhone is not null && (booking ?? consultation) is { } found)
        {
            await work.RunAsync(async unit =>
            {
                // The right pair: the code's wrong tries no longer count, and this one was not a failure of the client's.
                await unit.DeleteAsync(db.SignInFailures.Where(f => f.Account == codeKey || f.Id == clientTry.Id), ct);
                audit.Record("booking.lookup-opened", consultation is null ? nameof(Booking) : "ConsultationBooking", found.Code, $"接続元 {client}");
            }, ct);
            return new LookupResult.Found(found.Code, found.ManageToken, IsConsultation: booking is null);
        }
        if (codeTries == TriesPerCode && normalizedCode is not null)
        {
            await work.RunAsync(_ => audit.Record("booking.lookup-locked", nameof(Booking), normalizedCode,
                $"電話番号の入力が{TriesPerCode}回続けて違いました（最後の接続元 {client}）"), ct);
            return new LookupResult.Refused();
        }
        return new LookupResult.NotFound();
    }
}
