using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Messaging;

/// <summary>How a resident is reached, as their booking's page shows it: the choice, and LINE's link.</summary>
public sealed record ContactState(ContactPreference Contact, bool LineLinked, string? LineLinkCode, bool HasEmail, bool HasMobile);

public enum ContactChange
{
    Changed,
    NotFound,

    /// <summary>Mail chosen without an address on the booking.</summary>
    NoEmail,

    /// <summary>Texts chosen for a landline.</summary>
    NotMobile,

    /// <summary>A channel this city has not switched on.</summary>
    NotOffered,
}

/// <summary>
/// ご連絡の方法 changed from the booking's own page (behind its manage link), and LINE unlinked there. Each change is
/// audited; choosing LINE gives a fresh 連携コード until the resident links.
/// </summary>
public sealed class ContactChoice(AppDbContext db, UnitOfWork work, AuditLog audit, ResidentChannels channels, TimeProvider clock)
{
    public async Task<ContactState?> StateAsync(string code, CancellationToken ct)
    {
        var p = await db.Bookings.AsNoTracking().Where(b => b.Code == code)
            .Select(b => new { b.Participant.ContactPreference, b.Participant.LineUserId, b.Participant.LineLinkCode, b.Participant.LineLinkCodeExpiresAtUtc, b.Participant.Email, b.Participant.Phone })
            .SingleOrDefaultAsync(ct);
        if (p is null) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        return new ContactState(p.ContactPreference, p.LineUserId is not null, p.LineLinkCodeExpiresAtUtc > now ? p.LineLinkCode : null,
            p.Email is not null, ResidentChannels.IsMobile(p.Phone));
    }

    public Task<ContactChange> ChangeAsync(string code, string? token, ContactPreference contact, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            var participant = await OwnerAsync(code, token, ct);
            if (participant is null) return unit.Discard(ContactChange.NotFound);
            if (!channels.Offers(contact)) return unit.Discard(ContactChange.NotOffered);
            if (contact == ContactPreference.Email && participant.Email is null) return unit.Discard(ContactChange.NoEmail);
            if (contact == ContactPreference.Sms && !ResidentChannels.IsMobile(participant.Phone)) return unit.Discard(ContactChange.NotMobile);
            participant.ContactPreference = contact;
            var now = clock.GetUtcNow().UtcDateTime;
            if (contact == ContactPreference.Line && participant.LineUserId is null && !(participant.LineLinkCodeExpiresAtUtc > now))
            {
                participant.LineLinkCode = LineConversation.NewLinkCode();
                participant.LineLinkCodeExpiresAtUtc = now + LineConversation.LinkCodeLifetime;
            }
            audit.Record("resident.contact-changed", LineConversation.Subject, participant.Id, contact.ToString());
            return ContactChange.Changed;
        }, ct);

    /// <summary>「LINE の連携をやめる」: back to mail, or a coordinator's call.</summary>
    public Task<bool> UnlinkLineAsync(string code, string? token, CancellationToken ct) =>
        work.RunAsync(async unit =>
        {
            var participant = await OwnerAsync(code, token, ct);
            if (participant?.LineUserId is null) return unit.Discard(false);
            participant.LineUserId = null;
            participant.ContactPreference = participant.Email is null ? ContactPreference.Phone : ContactPreference.Email;
            audit.Record("resident.line-unlinked", LineConversation.Subject, participant.Id, "by booking page");
            return true;
        }, ct);

    private async Task<Participant?> OwnerAsync(string code, string? token, CancellationToken ct)
    {
        var booking = await db.Bookings.Where(b => b.Code == code).Select(b => new { b.ManageToken, b.ParticipantId }).SingleOrDefaultAsync(ct);
        if (booking is null || !BookingSecrets.TokenMatches(booking.ManageToken, token)) return null;
        return await db.Participants.SingleAsync(p => p.Id == booking.ParticipantId, ct);
    }
}
