using Microsoft.Extensions.Options;
using SumahoSupport.Core.Seeding;

namespace SumahoSupport.Core.Classes;

/// <summary>
/// Days a city's classes and consultation windows are closed: Japanese public holidays from <c>seed/holidays-jp.json</c>,
/// and 年末年始 (29 December to 3 January), when public facilities close. Recurring classes skip them by default.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, string> holidays;

    public HolidayCalendar(IOptions<SeedOptions> seed)
        : this(SeedFiles.Read<List<SeedFiles.HolidaySeed>>(seed.Value.ResolveDirectory(), "holidays-jp.json"))
    {
    }

    internal HolidayCalendar(IEnumerable<SeedFiles.HolidaySeed> days) =>
        holidays = days.ToDictionary(d => d.Date, d => d.Name);

    public const string YearEnd = "年末年始（休館）";

    /// <summary>The holiday's name, <see cref="YearEnd"/>, or null on an ordinary day.</summary>
    public string? NameOf(DateOnly date) =>
        holidays.GetValueOrDefault(date) ?? (date is { Month: 12, Day: >= 29 } or { Month: 1, Day: <= 3 } ? YearEnd : null);
}
