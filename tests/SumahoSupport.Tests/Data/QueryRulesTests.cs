using System.Linq.Expressions;
using SumahoSupport.Core.Data;

namespace SumahoSupport.Tests.Data;

/// <summary>
/// A rule written once and named inside compiled queries (the phone's quota, the same person) must come out as its own
/// body with the query's values in place — EF then sees one query. Checked here on plain collections; the booking and
/// consultation tests run the compiled queries themselves on both databases.
/// </summary>
public sealed class QueryRulesTests
{
    private sealed record Window(int From, int Until);

    private static readonly Expression<Func<int, Window, bool>> Inside = (n, window) => n >= window.From && n < window.Until;

    private static readonly Expression<Func<int[], int, int, IEnumerable<int>>> InsideOf = (numbers, from, until) =>
        numbers.Where(n => Inside.Apply(n, new Window(from, until)));

    [Fact]
    public void ARule_IsWrittenOutWithTheQuerysValues_AndNoRuleOrRecordIsLeft()
    {
        var query = QueryRules.Inline((int[] numbers, int from, int until) => InsideOf.Apply(numbers, from, until).Count());

        Assert.Equal(3, query.Compile()([1, 2, 3, 4, 5, 6], 2, 5));
        Assert.Equal(0, query.Compile()([1, 2, 3], 7, 9));
        var written = query.Body.ToString();
        // The rules are gone, and the record was only a way to hand the rule its values: "window.From" became "from".
        Assert.DoesNotContain(nameof(QueryRules.Apply), written, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(Window), written, StringComparison.Ordinal);
        Assert.Contains("n >= from", written, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleCalledOutsideAQuery_SaysWhereItBelongs()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Inside.Apply(1, new Window(0, 2)));
        Assert.Contains(nameof(QueryRules.Inline), error.Message, StringComparison.Ordinal);
    }
}
