using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SumahoSupport.Core.Data;

/// <summary>
/// Every DateTime the app stores is UTC. A value of unspecified kind (a date built in code, a form value already
/// converted) is taken to be UTC too: PostgreSQL's <c>timestamp with time zone</c> refuses anything not marked UTC,
/// and SQLite and SQL Server would store it unchanged anyway.
/// </summary>
internal static class UtcDateTime
{
    public static DateTime ToStore(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    public static DateTime FromStore(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toStore => UtcDateTime.ToStore(toStore),
    fromStore => UtcDateTime.FromStore(fromStore));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    toStore => toStore.HasValue ? UtcDateTime.ToStore(toStore.Value) : toStore,
    fromStore => fromStore.HasValue ? UtcDateTime.FromStore(fromStore.Value) : fromStore);
