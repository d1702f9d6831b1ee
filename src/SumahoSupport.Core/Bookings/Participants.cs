using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Bookings;

public static class Participants
{
    /// <summary>
    /// The participant a booking belongs to, added to <paramref name="db"/>'s unit of work but not saved.
    /// A phone number and ふりがな are printed on rosters and call lists, so they prove nothing about who is typing: a form
    /// anyone can post (<see cref="BookingChannel.Web"/>) reuses a record only when every detail typed is the same and
    /// otherwise starts a record of its own, so it never changes where an earlier booking's notices go. Staff, who have
    /// the resident on the phone or at the counter, keep one record per phone and ふりがな up to date.
    /// </summary>
    public static async Task<Participant> FindOrAddAsync(AppDbContext db, BookingRequest request, DateTime now, CancellationToken ct) =>
        Adopt(db, await SamePersonQuery(db, request.Name, request.Kana, request.Phone, request.Email, request.AgeBand, request.Device, request.Needs,
            request.Channel, request.Contact, ct), request, now);

    /// <summary>
    /// The participant records <paramref name="request"/> may reuse, the oldest — the one it reuses — first (see
    /// <see cref="FindOrAddAsync"/>), as a rule compiled queries name (<see cref="QueryRules"/>).
    /// </summary>
    // Phone digits and ふりがな are normalised before they are stored or looked up (PhoneNumber, Kana), so "=" finds the
    // same person on every provider, whatever its collation (docs/ARCHITECTURE.md, "Databases").
    public static readonly Expression<Func<AppDbContext, BookingRequest, IQueryable<Participant>>> SamePerson = (db, request) =>
        db.Participants
            .Where(p => p.Phone == request.Phone && p.Kana == request.Kana
                && (request.Channel != BookingChannel.Web
                    || (p.Name == request.Name && p.Email == request.Email && p.Needs == request.Needs && p.Device == request.Device
                        && p.AgeBand == request.AgeBand && (request.Contact == null || p.ContactPreference == request.Contact))))
            .OrderBy(p => p.Id);

    private static readonly Func<AppDbContext, string, string, string, string?, AgeBand, DeviceType, string?, BookingChannel, ContactPreference?, CancellationToken, Task<Participant?>> SamePersonQuery =
        EF.CompileAsyncQuery(QueryRules.Inline((AppDbContext db, string name, string kana, string phone, string? email, AgeBand ageBand, DeviceType device, string? needs,
                BookingChannel channel, ContactPreference? contact, CancellationToken ct) =>
            SamePerson.Apply(db, new BookingRequest(name, kana, phone, email, ageBand, device, needs, channel, Text.Languages.JapaneseCode, contact)).FirstOrDefault()));

    /// <summary>
    /// The participant <paramref name="request"/> books for: <paramref name="participant"/> (found, tracked) brought up to date, or a new
    /// one added to <paramref name="db"/>'s unit of work, not saved.
    /// </summary>
    public static Participant Adopt(AppDbContext db, Participant? participant, BookingRequest request, DateTime now)
    {
        if (participant is null)
        {
            participant = new Participant { Name = request.Name, Kana = request.Kana, Phone = request.Phone, CreatedAtUtc = now };
            db.Participants.Add(participant);
        }
        participant.Name = request.Name;
        participant.Email = request.Email ?? participant.Email;
        participant.AgeBand = request.AgeBand == AgeBand.Unknown ? participant.AgeBand : request.AgeBand;
        participant.Device = request.Device;
        participant.Needs = request.Needs ?? participant.Needs;
        // ご連絡の方法 as chosen; when the form did not ask, LINE, texts and calls chosen before stay, and mail or a call
        // follows the address as it always did.
        participant.ContactPreference = request.Contact
            ?? (participant.ContactPreference is ContactPreference.Line or ContactPreference.Sms or ContactPreference.Voice ? participant.ContactPreference
                : participant.Email is null ? ContactPreference.Phone : ContactPreference.Email);
        if (participant.ContactPreference == ContactPreference.Line && participant.LineUserId is null && !(participant.LineLinkCodeExpiresAtUtc > now))
        {
            participant.LineLinkCode = Messaging.LineConversation.NewLinkCode();
            participant.LineLinkCodeExpiresAtUtc = now + Messaging.LineConversation.LinkCodeLifetime;
        }
        return participant;
    }
}
