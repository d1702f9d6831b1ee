using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SumahoSupport.Core.Data;

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    toStore => toStore.Kind == DateTimeKind.Local ? toStore.ToUniversalTime() : toStore,
    fromStore => DateTime.SpecifyKind(fromStore, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    toStore => toStore.HasValue && toStore.Value.Kind == DateTimeKind.Local ? toStore.Value.ToUniversalTime() : toStore,
    fromStore => fromStore.HasValue ? DateTime.SpecifyKind(fromStore.Value, DateTimeKind.Utc) : fromStore);
