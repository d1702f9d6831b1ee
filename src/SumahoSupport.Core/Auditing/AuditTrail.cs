using Microsoft.EntityFrameworkCore;
using SumahoSupport.Core.Data;
using SumahoSupport.Core.Text;

namespace SumahoSupport.Core.Auditing;

/// <summary>What an administrator looks for in the trail; every part is optional. Dates are Japan dates, both included.</summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? Actor, string? Action, string? SubjectType, string? SubjectId)
{
    public static AuditFilter None => new(null, null, null, null, null, null);
}

public sealed record AuditRow(long Id, DateTime AtUtc, string Actor, string Action, string SubjectType, string SubjectId, string? Details);

/// <summary>
/// 操作履歴: reads the audit trail, newest first. It only reads: nothing in the app changes or deletes an entry, and the
/// database refuses to (docs/ARCHITECTURE.md, "Rules" 5).
/// </summary>
public sealed class AuditTrail(AppDbContext db)
{
    public const int PageSize = 50;

    public static readonly IReadOnlyList<string> Columns = ["日時", "操作した人", "操作", "操作の内容", "対象の種類", "対象", "詳細"];

    public Task<Paged<AuditRow>> PageAsync(AuditFilter filter, int page, CancellationToken ct) =>
        Newest(Matching(filter)).PageAsync(page, PageSize, ct);

    /// <summary>Every matching entry, newest first, streamed for the CSV download.</summary>
    public async IAsyncEnumerable<IReadOnlyList<object?>> RowsAsync(AuditFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in Newest(Matching(filter)).AsAsyncEnumerable().WithCancellation(ct))
            yield return [JapaneseTime.ToTokyo(row.AtUtc), row.Actor, row.Action, AuditLabels.Action(row.Action), row.SubjectType, row.SubjectId, row.Details];
    }

    /// <summary>The distinct action names, for the filter's list.</summary>
    public Task<List<string>> ActionsAsync(CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync(ct);

    private IQueryable<AuditEntry> Matching(AuditFilter filter)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (filter.From is { } from)
        {
            var fromUtc = JapaneseTime.TokyoDay(from).From;
            entries = entries.Where(e => e.AtUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var untilUtc = JapaneseTime.TokyoDay(to).Until;
            entries = entries.Where(e => e.AtUtc < untilUtc);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor)) entries = entries.Where(e => e.Actor.Contains(filter.Actor.Trim()));
        // 「booking」 finds booking.confirmed, booking.cancelled, …; 「booking.cancelled」 just that.
        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            entries = entries.Where(e => e.Action == action || e.Action.StartsWith(action + "."));
        }
        if (!string.IsNullOrWhiteSpace(filter.SubjectType)) entries = entries.Where(e => e.SubjectType == filter.SubjectType.Trim());
        if (!string.IsNullOrWhiteSpace(filter.SubjectId)) entries = entries.Where(e => e.SubjectId == filter.SubjectId.Trim());
        return entries;
    }

    private static IQueryable<AuditRow> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new AuditRow(e.Id, e.AtUtc, e.Actor, e.Action, e.SubjectType, e.SubjectId, e.Details));
}
