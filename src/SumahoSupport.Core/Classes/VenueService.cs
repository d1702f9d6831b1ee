using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Auditing;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Classes;

/// <summary>What a coordinator fills in for a venue; rooms one per line as 「講座室A 12」 (name, then seats).</summary>
public sealed record VenueDraft(
    string Name, string Address, string? Access, string? BarrierFreeNotes, string? Phone, int LoanerDevices, bool HasWifi,
    IReadOnlyList<RoomDraft> Rooms, string? Area = null, string? NameEn = null, string? AccessEn = null, VenueLocation? Location = null)
{
    public const int MaxRoomNameLength = 50;

    /// <summary>Rooms written one per line, the seats last: 「講座室A 12」, 「和室 ８席」.</summary>
    public static IReadOnlyList<RoomDraft> RoomsFrom(string? lines) =>
        [.. (lines ?? "").Normalize(System.Text.NormalizationForm.FormKC)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^(?<name>.+?)\s*(?<seats>\d{1,4})\s*席?$") is { Success: true } m
                ? new RoomDraft(m.Groups["name"].Value.Trim(), int.Parse(m.Groups["seats"].Value, System.Globalization.CultureInfo.InvariantCulture))
                : new RoomDraft(line, null))];

    /// <summary>The rooms as <see cref="RoomsFrom"/> reads them, for the form.</summary>
    public static string RoomLines(IEnumerable<VenueRoom> rooms) => string.Join("\n", rooms.Select(r => $"{r.Name} {r.Seats}"));

    public IEnumerable<Problem> Problems()
    {
        if (Phone is { Length: > 0 } && PhoneNumber.Normalize(Phone) is null)
            yield return new(nameof(Phone), "当日の連絡先の電話番号を、市外局番から入力してください（例: 0120-000-101）。");
        if (Rooms.Count > Venue.MaxRooms) yield return new(nameof(Rooms), $"部屋は{Venue.MaxRooms}室までにしてください。");
        foreach (var room in Rooms)
        {
            if (room.Seats is null) yield return new(nameof(Rooms), $"「{room.Name}」の席数がわかりません。「講座室A 12」のように、部屋の名前のあとに席数を書いてください。");
            else if (room.Seats is < 1 or > 500) yield return new(nameof(Rooms), $"「{room.Name}」の席数は1〜500で入力してください。");
            if (room.Name.Length > MaxRoomNameLength) yield return new(nameof(Rooms), $"部屋の名前は{MaxRoomNameLength}文字以内にしてください。");
        }
        if (Rooms.GroupBy(r => r.Name, StringComparer.Ordinal).Any(g => g.Count() > 1)) yield return new(nameof(Rooms), "同じ名前の部屋が2つあります。");
        foreach (var problem in Location?.Problems() ?? []) yield return problem;
    }
}

/// <summary>One room as written; <see cref="Seats"/> is null when the line did not end in a number.</summary>
public sealed record RoomDraft(string Name, int? Seats);

/// <summary>
/// 会場: coordinators add and edit venues, and retire one that is no longer used. A venue with classes is never deleted —
/// its classes, bookings and reports keep pointing at it — it is retired and no longer offered when scheduling.
/// </summary>
public sealed class VenueService(AppDbContext db, UnitOfWork work, AuditLog audit, TimeProvider clock, CatalogVersion catalog)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Adds a venue (<paramref name="id"/> null) or changes one, once every rule of the draft holds.</summary>
    public async Task<DraftResult> SaveAsync(int? id, VenueDraft draft, CancellationToken ct)
    {
        var problems = draft.Problems().ToList();
        if (await db.Venues.AnyAsync(v => v.Name == draft.Name && v.Id != id, ct))
            problems.Add(new(nameof(VenueDraft.Name), "同じ名前の会場がすでにあります。"));
        if (id is { } existing)
        {
            // A class already promised loaner devices: the venue cannot have fewer than the busiest coming class uses.
            var promised = await db.ClassSessions
                .Where(s => s.VenueId == existing && s.Status == ClassSessionStatus.Scheduled && s.EndsAtUtc > Now)
                .MaxAsync(s => (int?)s.LoanerDevices, ct) ?? 0;
            if (draft.LoanerDevices < promised)
                problems.Add(new(nameof(VenueDraft.LoanerDevices), $"これからの教室で貸出端末を{promised}台使う予定です。{promised}台以上にしてください。"));
        }
        if (problems.Count > 0) return new DraftResult.Rejected(problems);
        var saved = await work.RunAsync(async unit =>
        {
            var venue = id is null
                ? db.Venues.Add(new Venue { Name = draft.Name, Address = draft.Address }).Entity
                : await db.Venues.Include(v => v.Rooms).SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw new KeyNotFoundException($"Venue {id}");
            venue.Name = draft.Name;
            venue.Address = draft.Address;
            venue.Access = draft.Access;
            venue.Area = draft.Area;
            venue.NameEn = draft.NameEn;
            venue.AccessEn = draft.AccessEn;
            venue.BarrierFreeNotes = draft.BarrierFreeNotes;
            // Kept as the city writes it on its own leaflets (「0120-000-101」); checked above to be a number one can call.
            venue.Phone = draft.Phone;
            venue.LoanerDevices = draft.LoanerDevices;
            venue.HasWifi = draft.HasWifi;
            venue.Location = draft.Location ?? new VenueLocation();
            // Rooms are matched by name, so editing the seats of 講座室A keeps it the same room.
            foreach (var gone in venue.Rooms.Where(r => draft.Rooms.All(d => d.Name != r.Name)).ToList()) venue.Rooms.Remove(gone);
            foreach (var room in draft.Rooms)
            {
                if (venue.Rooms.FirstOrDefault(r => r.Name == room.Name) is { } kept) kept.Seats = room.Seats!.Value;
                else venue.Rooms.Add(new VenueRoom { Name = room.Name, Seats = room.Seats!.Value });
            }
            await unit.SaveAsync(ct);
            audit.Record(id is null ? "venue.created" : "venue.updated", nameof(Venue), venue.Id, venue.Name);
            return venue.Id;
        }, ct);
        await catalog.ChangedAsync();
        return new DraftResult.Saved(saved);
    }

    /// <summary>
    /// 使用終了: the venue is no longer offered. Refused while classes or consultations are still to be held there —
    /// they must be moved or cancelled first, so nobody is sent to a venue the city stopped using.
    /// </summary>
    public async Task<DraftResult> RetireAsync(int id, CancellationToken ct)
    {
        var result = await work.RunAsync<DraftResult>(async unit =>
        {
            var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw new KeyNotFoundException($"Venue {id}");
            var now = Now;
            var classes = await db.ClassSessions.CountAsync(s => s.VenueId == id && s.Status == ClassSessionStatus.Scheduled && s.EndsAtUtc > now, ct);
            if (classes > 0) return new DraftResult.Rejected("", $"この会場では、これから{classes}回の教室があります。先に教室の会場を変えるか、中止してください。");
            var today = JapaneseTime.TodayInTokyo(clock);
            if (await db.ConsultationSchedules.AnyAsync(s => s.VenueId == id && s.LastDate >= today, ct))
                return new DraftResult.Rejected("", "この会場では、これからもスマホ相談の日程があります。先に相談の日程を終えてください。");
            if (venue.RetiredAtUtc is null)
            {
                venue.RetiredAtUtc = now;
                audit.Record("venue.retired", nameof(Venue), id, venue.Name);
            }
            return new DraftResult.Saved(id);
        }, ct);
        if (result is DraftResult.Saved) await catalog.ChangedAsync();
        return result;
    }

    /// <summary>使用再開: a retired venue is offered again.</summary>
    public async Task ReinstateAsync(int id, CancellationToken ct)
    {
        await work.RunAsync(async unit =>
        {
            var venue = await db.Venues.SingleOrDefaultAsync(v => v.Id == id, ct) ?? throw new KeyNotFoundException($"Venue {id}");
            if (venue.RetiredAtUtc is null) return;
            venue.RetiredAtUtc = null;
            audit.Record("venue.reinstated", nameof(Venue), id, venue.Name);
        }, ct);
        await catalog.ChangedAsync();
    }
}
