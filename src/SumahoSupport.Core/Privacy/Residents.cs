using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Privacy;

/// <summary>
/// A resident as the city knows them: every participant record with the same phone number and ふりがな. A web booking
/// whose details differ gets a record of its own, and family members may share a phone, so a person is the pair, not the
/// phone alone and not one record (docs/ARCHITECTURE.md, "Personal data").
/// </summary>
public sealed record ResidentKey(string Phone, string Kana)
{
    /// <summary>The records that make up the resident.</summary>
    public IQueryable<Participant> RecordsIn(AppDbContext db) => db.Participants.Where(p => p.Phone == Phone && p.Kana == Kana);
}

/// <summary>One resident found by a search, for the coordinator to choose from.</summary>
public sealed record ResidentMatch(int ParticipantId, string Name, string Kana, string Phone, int Records, DateTime FirstSeenUtc, bool Erased);

public static class Residents
{
    public const int MaxMatches = 50;

    /// <summary>
    /// Residents by phone number (any width, hyphens or not) or by part of the name or ふりがな. Erased residents are not
    /// found: their details are gone.
    /// </summary>
    public static async Task<IReadOnlyList<ResidentMatch>> FindAsync(AppDbContext db, string query, CancellationToken ct)
    {
        var text = query.Trim();
        if (text.Length == 0) return [];
        var phone = PhoneNumber.Normalize(text);
        var kana = Kana.Normalize(text) ?? text;
        var records = db.Participants.AsNoTracking().Where(p => p.ErasedAtUtc == null);
        records = phone is not null
            ? records.Where(p => p.Phone == phone)
            : records.Where(p => p.Name.Contains(text) || p.Kana.Contains(kana));
        var found = await records.OrderBy(p => p.Id).Take(MaxMatches * 4)
            .Select(p => new { p.Id, p.Name, p.Kana, p.Phone, p.CreatedAtUtc }).ToListAsync(ct);
        return [.. found.GroupBy(p => (p.Phone, p.Kana))
            .Select(g => new ResidentMatch(g.First().Id, g.Last().Name, g.Key.Kana, g.Key.Phone, g.Count(), g.Min(p => p.CreatedAtUtc), Erased: false))
            .Take(MaxMatches)];
    }

    /// <summary>The resident a participant record belongs to; null when there is no such record.</summary>
    public static async Task<ResidentKey?> KeyOfAsync(AppDbContext db, int participantId, CancellationToken ct) =>
        await db.Participants.Where(p => p.Id == participantId).Select(p => new ResidentKey(p.Phone, p.Kana)).SingleOrDefaultAsync(ct);
}
