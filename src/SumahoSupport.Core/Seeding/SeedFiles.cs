using System.Text.Json;
using System.Text.Json.Serialization;
using SumahoSupport.Core.Bookings;
using SumahoSupport.Core.Classes;
using SumahoSupport.Core.Supporters;

namespace SumahoSupport.Core.Seeding;

/// <summary>The shapes of the JSON files in <c>seed/</c>, and how to read them.</summary>
public static class SeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static T Read<T>(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<T>(stream, Json)
            ?? throw new InvalidDataException($"Seed file {path} is empty.");
    }

    public sealed record CourseSeed(
        string Code, string Title, string Summary, string Topic, CourseLevel Level, TargetOs TargetOs,
        int DurationMinutes, int DefaultCapacity, string? ThingsToBring, IReadOnlyList<string> LearningGoals,
        bool AsksCanDoBefore = false, string? TitleEn = null, string? SummaryEn = null, string? ThingsToBringEn = null);

    public sealed record TrainingModuleSeed(
        string Code, string Title, string Summary, int Minutes, int? PassMarkPercent, bool IsRequired, bool IsInPerson, int Order,
        IReadOnlyList<TrainingQuestionSeed>? Questions);

    /// <summary>A check-test question; <see cref="Correct"/> is the index (from 0) of the right choice.</summary>
    public sealed record TrainingQuestionSeed(string Text, IReadOnlyList<string> Choices, int Correct);

    public sealed record HolidaySeed(DateOnly Date, string Name);

    public sealed record VenueSeed(
        string Name, string Address, string? Access, string? BarrierFreeNotes, string? Phone, int LoanerDevices, bool HasWifi, string? Area = null,
        string? NameEn = null, string? AccessEn = null);

    public sealed record DemoSeed(
        IReadOnlyList<AccountSeed> Accounts, IReadOnlyList<SupporterSeed> Supporters, int Weeks, IReadOnlyList<ScheduleSeed> Schedule,
        int StaffedWeeks, IReadOnlyList<ResidentSeed> Residents, IReadOnlyList<DemoBookingSeed> Bookings);

    public sealed record ResidentSeed(string Name, string Kana, string Phone, AgeBand AgeBand, DeviceType Device, string? Email, string? Needs);

    /// <summary>Books the first <see cref="Residents"/> demo residents into one occurrence (0 = first) of a course.</summary>
    public sealed record DemoBookingSeed(DemoSessionRef Session, int Residents);

    public sealed record DemoSessionRef(string Course, int Occurrence);

    public sealed record AccountSeed(string Email, string DisplayName, string Role, string Password);

    public sealed record SupporterSeed(
        string Name, string Kana, string Phone, string? Email, string? Area, SupporterStatus Status,
        bool KnowsAndroid, bool KnowsIPhone, string? AccountEmail);

    /// <summary>A weekly slot: on <see cref="Weekday"/> every <see cref="EveryWeeks"/> weeks, first in week <see cref="OffsetWeeks"/>.</summary>
    public sealed record ScheduleSeed(
        string Course, string Venue, DayOfWeek Weekday, TimeOnly Start, int EveryWeeks = 1, int OffsetWeeks = 0, int? Capacity = null);
}
