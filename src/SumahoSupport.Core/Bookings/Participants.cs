using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Core.Bookings;

public static class Participants
{
    /// <summary>
    /// The same resident (phone and ふりがな) is one participant, whether they book a class or a consultation; their latest
    /// details are kept. The participant is added to <paramref name="db"/>'s unit of work, not saved.
    /// </summary>
    public static async Task<Participant> FindOrAddAsync(AppDbContext db, BookingRequest request, DateTime now, CancellationToken ct)
    {
        var participant = await db.Participants
            .Where(p => p.Phone == request.Phone && p.Kana == request.Kana)
            .OrderBy(p => p.Id)
            .FirstOrDefaultAsync(ct);
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
        participant.ContactPreference = participant.Email is null ? ContactPreference.Phone : ContactPreference.Email;
        return participant;
    }
}
