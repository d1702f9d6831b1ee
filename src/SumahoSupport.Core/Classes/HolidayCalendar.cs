using Microsoft.Extensions.Options;
using SumahoSupport.Core.Seeding;

namespace SumahoSupport.Core.Classes;

/// <summary>Japanese public holidays from <c>seed/holidays-jp.json</c>; recurring classes skip them by default.</summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, string> holidays;

    public HolidayCalendar(IOptions<SeedOptions> seed)
        : this(SeedFiles.Read<List<SeedFiles.HolidaySeed>>(seed.Value.ResolveDirectory(), "holidays-jp.json"))
    {
    }

    internal HolidayCalendar(IEnumerable<SeedFiles.HolidaySeed> days) =>
        holidays = days.ToDictionary(d => d.Date, d => d.Name);

    public string? NameOf(DateOnly date) => holidays.GetValueOrDefault(date);
}
