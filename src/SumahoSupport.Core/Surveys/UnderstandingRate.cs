namespace SumahoSupport.Core.Surveys;

/// <summary>
/// docs/ARCHITECTURE.md, "Rules" 4: understood (よく + だいたい) ÷ every valid answer to the understanding question, with its
/// Wilson score 95% interval — honest for the small classes (about 6 people) a city runs, where p̂ ± 1.96·SE is not.
/// </summary>
public sealed record UnderstandingRate(int Understood, int Answers)
{
    private const double Z = 1.959963984540054;

    /// <summary>Null with no answers: no rate is not a rate of zero.</summary>
    public double? Rate => Answers == 0 ? null : (double)Understood / Answers;

    public (double Low, double High)? Interval
    {
        get
        {
            if (Answers == 0) return null;
            double n = Answers, p = (double)Understood / Answers, z2 = Z * Z;
            var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
            var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
            return (Math.Max(0, centre - half), Math.Min(1, centre + half));
        }
    }

    public bool MeetsTarget(double target) => Rate >= target;

    public static UnderstandingRate FromCounts(IEnumerable<(Understanding Answer, int Count)> counts)
    {
        var list = counts.ToList();
        return new UnderstandingRate(
            list.Where(c => c.Answer.IsUnderstood()).Sum(c => c.Count),
            list.Sum(c => c.Count));
    }
}
