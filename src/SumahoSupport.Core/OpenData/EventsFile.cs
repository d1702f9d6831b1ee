using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Consultations;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Reporting;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.OpenData;

/// <summary><c>OpenData:*</c>: how the city licenses its open data files.</summary>
public sealed class OpenDataOptions
{
    public const string Section = "OpenData";

    /// <summary>The licence named on /opendata and in each file's description.</summary>
    public string Licence { get; set; } = "CC BY 4.0";
}

/// <summary>
/// events.csv: every coming class and consultation day in the 自治体標準オープンデータセット 「イベント一覧」 format (デジタル庁),
/// its 50 columns in the standard's order — so a prefecture's or a portal's harvester reads the city's classes as it reads
/// any other municipality's events (code4fukui/event-japan collects such files). UTF-8 without a byte-order mark,
/// RFC 4180 (CRLF, quoted where needed), dates YYYY-MM-DD, times HH:MM in Japan time. Nothing about any resident.
/// </summary>
public sealed class EventsFile(
    AppDbContext db, ISiteLinks links, IOptions<CityOptions> city, TimeProvider clock, ConsultationService consultations)
{
    public static readonly IReadOnlyList<string> Header =
    [
        "NO", "都道府県コード又は市区町村コード", "名称", "名称(カナ)", "名称(英字)", "名称(通称)", "サブタイトル", "概要", "説明", "サブイベント",
        "イベント種類", "URL", "画像URL", "状態", "対象となる産業", "ステージ", "開始日", "終了日", "開始時刻", "終了時刻", "日時備考",
        "場所名称", "集合場所", "郵便番号", "住所都道府県", "住所市区町村", "住所町名", "住所丁目以下", "建物名等", "緯度", "経度",
        "主催団体", "共催団体", "その他関係団体", "対象者", "定員", "料金(基本)", "料金(詳細)", "外国語対応", "申込期限日", "申込期限時刻",
        "申込方法", "アクセス方法", "駐車場情報", "駐輪場情報", "連絡先名称", "連絡先電話番号", "連絡先内線番号", "連絡先メールアドレス", "備考",
    ];

    public const string Scheduled = "開催予定";
    public const string Cancelled = "中止";
    public const string Full = "満席";

    /// <summary>The file, and when what it lists next changes by the clock alone (the next class or consultation day starts).</summary>
    public async Task<(byte[] Bytes, DateTime? ChangesAtUtc)> BuildAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = new List<IReadOnlyList<object?>>();
        var classes = await db.ClassSessions.AsNoTracking().Where(s => s.StartsAtUtc > now).OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Status, s.StartsAtUtc, s.EndsAtUtc, s.BookingClosesAtUtc, s.Capacity, s.Confirmed, s.Notes,
                s.Course.Title, s.Course.TitleEn, s.Course.Summary, s.Course.Level,
                Venue = new { s.Venue.Name, s.Venue.Access, s.Venue.Location },
            })
            .ToListAsync(ct);
        foreach (var c in classes)
        {
            var status = c.Status == ClassSessionStatus.Cancelled ? Cancelled : c.Confirmed >= c.Capacity ? Full : Scheduled;
            rows.Add(Row(
                name: c.Title, nameEn: c.TitleEn, summary: c.Summary, kind: "講座・教室", url: links.Class(c.Id), status: status,
                startsAtUtc: c.StartsAtUtc, endsAtUtc: c.EndsAtUtc, place: c.Venue.Name, location: c.Venue.Location,
                audience: ClassLabels.LevelExplained(c.Level), capacity: c.Capacity, closesAtUtc: c.BookingClosesAtUtc,
                howToApply: $"この教室のページ（{links.Class(c.Id)}）から予約、または電話（{city.Value.HelpPhone}、{city.Value.HelpHours}）",
                access: c.Venue.Access, notes: c.Notes is null ? null : $"持ち物: {c.Notes}"));
        }
        var consultationDays = await ConsultationDaysAsync(now, ct);
        rows.AddRange(consultationDays.Select(d => d.Row));
        var numbered = rows.OrderBy(r => (string)r[16]!, StringComparer.Ordinal).ThenBy(r => (string)r[18]!, StringComparer.Ordinal)
            .Select((row, i) => (IReadOnlyList<object?>)[(i + 1).ToString("D10", CultureInfo.InvariantCulture), .. row.Skip(1)]);
        var text = new StringBuilder(ReportExport.CsvLine(Header));
        foreach (var row in numbered) text.Append(ReportExport.CsvLine(row));
        var next = classes.Select(c => (DateTime?)c.StartsAtUtc).Concat(consultationDays.Select(d => (DateTime?)d.StartsAtUtc)).Min();
        return (new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString()), next);
    }

    /// <summary>
    /// One row per consultation day ahead (as far as residents can book): its hours, its place, how many slots it has and
    /// whether any is left — 満席 when every slot of the day is booked.
    /// </summary>
    private async Task<List<(DateTime StartsAtUtc, IReadOnlyList<object?> Row)>> ConsultationDaysAsync(DateTime now, CancellationToken ct)
    {
        var today = JapaneseTime.TodayInTokyo(clock);
        var last = today.AddDays(ConsultationService.DaysAhead);
        var schedules = await db.ConsultationSchedules.AsNoTracking().Include(s => s.Venue)
            .Where(s => s.LastDate >= today && s.FirstDate <= last).OrderBy(s => s.Id).ToListAsync(ct);
        // The bookings of the next four weeks are few; they are counted per day here, in Japan time.
        var booked = (await db.ConsultationBookings.AsNoTracking()
                .Where(b => b.StartsAtUtc > now && b.Status == ConsultationStatus.Confirmed)
                .Select(b => new { b.ConsultationScheduleId, b.StartsAtUtc })
                .ToListAsync(ct))
            .CountBy(b => (b.ConsultationScheduleId, DateOnly.FromDateTime(JapaneseTime.ToTokyo(b.StartsAtUtc))))
            .ToDictionary(g => g.Key, g => g.Value);
        var days = new List<(DateTime, IReadOnlyList<object?>)>();
        foreach (var schedule in schedules)
        {
            foreach (var date in ConsultationRecurrence.DaysOf(schedule, today, last))
            {
                var startsAt = JapaneseTime.ToUtc(date.ToDateTime(schedule.StartTime));
                // A holiday it does not open on has no slots.
                var slots = consultations.SlotsOf(schedule, date, date).Count() * schedule.Parallel;
                if (startsAt <= now || slots == 0) continue;
                var taken = booked.GetValueOrDefault((schedule.Id, date));
                var place = ConsultationLabels.Place(schedule.Venue?.Name, schedule.Mode, label => label);
                days.Add((startsAt, Row(
                    name: "スマホ相談", nameEn: "Smartphone help desk", summary: $"スマートフォンの使い方を、支援員が1対1でお手伝いします（{place}、1回{schedule.SlotMinutes}分）。",
                    kind: "相談会", url: links.Consultations, status: taken >= slots ? Full : Scheduled,
                    startsAtUtc: startsAt, endsAtUtc: JapaneseTime.ToUtc(date.ToDateTime(schedule.EndTime)), place: place,
                    location: schedule.Venue?.Location, audience: "スマートフォンの使い方に困っている方", capacity: slots,
                    closesAtUtc: null,
                    howToApply: $"スマホ相談のページ（{links.Consultations}）から予約、または電話（{city.Value.HelpPhone}、{city.Value.HelpHours}）",
                    access: schedule.Venue?.Access, notes: null)));
            }
        }
        return days;
    }

    private IReadOnlyList<object?> Row(
        string name, string? nameEn, string? summary, string kind, string url, string status, DateTime startsAtUtc, DateTime endsAtUtc,
        string place, VenueLocation? location, string audience, int capacity, DateTime? closesAtUtc, string howToApply, string? access, string? notes)
    {
        var start = JapaneseTime.ToTokyo(startsAtUtc);
        var end = JapaneseTime.ToTokyo(endsAtUtc);
        var closes = closesAtUtc is { } c ? JapaneseTime.ToTokyo(c) : (DateTime?)null;
        return
        [
            null, city.Value.Code, name, null, nameEn, null, null, summary, null, null,
            kind, url, null, status, null, null, Date(start), Date(end), Time(start), Time(end), null,
            place, null, location?.PostalCode, location?.Prefecture, location?.Municipality, location?.Town, location?.Block, location?.Building,
            Degrees(location?.Latitude), Degrees(location?.Longitude),
            city.Value.Name, null, null, audience, capacity.ToString(CultureInfo.InvariantCulture), "0", "無料", "英語（予約のページ）",
            closes is null ? null : Date(closes.Value), closes is null ? null : Time(closes.Value),
            howToApply, access, null, null, $"{city.Value.Name} スマホ相談窓口", city.Value.HelpPhone, null, null, notes,
        ];
    }

    private static string Date(DateTime tokyo) => tokyo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(DateTime tokyo) => tokyo.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string? Degrees(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture);
}
