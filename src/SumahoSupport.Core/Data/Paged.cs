using Microsoft.EntityFrameworkCore;

namespace SumahoSupport.Core.Data;

/// <summary>
/// One page of a long list and where it sits in the whole: every list that can grow past a screenful (the public
/// classes, mail, booking search, supporters, consultation records, the audit trail) is shown a page at a time with
/// links to the pages beside it, rather than stopping silently at a cap.
/// </summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int Pages => Paging.PageCount(Total, PageSize);

    /// <summary>The position of the first item shown, counting from 1 (for 「21件目〜40件目」).</summary>
    public int FirstPosition => (Page - 1) * PageSize + 1;

    public int LastPosition => FirstPosition + Items.Count - 1;

    public static Paged<T> Empty(int pageSize) => new([], 0, 1, pageSize);
}

public static class Paging
{
    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>A page number as asked for, kept within the list: below 1 is the first page, past the end the last.</summary>
    public static int Clamp(int page, int total, int pageSize) => Math.Clamp(page, 1, PageCount(total, pageSize));

    /// <summary>
    /// Page <paramref name="page"/> of <paramref name="ordered"/> (which must have a total order, or rows could appear
    /// on two pages), with the count of the whole list.
    /// </summary>
    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        page = Clamp(page, total, pageSize);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, total, page, pageSize);
    }
}
