using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// Confidence intervals for a proportion (a responder rate) and for a difference of two proportions.
/// Every interval lies in [0, 1] (or [-1, 1] for a difference) and is exact at the edges: with 0
/// responders the lower bound is 0, with n of n the upper bound is 1.
/// </summary>
/// <remarks>Pure and thread-safe. References: Wilson (1927); Clopper and Pearson (1934); Newcombe (1998), Statistics in Medicine 17:873-890, method 10.</remarks>
public static class ProportionIntervals
{
    /// <summary>Returns the Wilson score interval for <paramref name="successes"/> of <paramref name="trials"/> (equal to R's <c>prop.test(x, n, correct = FALSE)$conf.int</c>).</summary>
    /// <param name="successes">The number of successes (responders), 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials (patients), at least 1.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>The interval; lower is exactly 0 when there are no successes and upper exactly 1 when all are.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts or the level are outside their ranges.</exception>
    public static ConfidenceInterval Wilson(long successes, long trials, double level)
    {
        CheckCounts(successes, trials);
        ConfidenceLevels.Check(level, nameof(level));
        var z = Distributions.NormalQuantile(ConfidenceLevels.UpperProbability(level));
        var (lower, upper) = WilsonBounds(successes, trials, z);
        return new ConfidenceInterval(lower, upper, level, IntervalMethod.Wilson);
    }

    /// <summary>Returns the Clopper-Pearson exact interval for <paramref name="successes"/> of <paramref name="trials"/> (equal to R's <c>binom.test(x, n)$conf.int</c>).</summary>
    /// <param name="successes">The number of successes (responders), 0 to <paramref name="trials"/>.</param>
    /// <param name="trials">The number of trials (patients), at least 1.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>The interval: lower is the α/2 quantile of Beta(x, n - x + 1) (0 when x = 0), upper the 1 - α/2 quantile of Beta(x + 1, n - x) (1 when x = n).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts or the level are outside their ranges.</exception>
    public static ConfidenceInterval ClopperPearson(long successes, long trials, double level)
    {
        CheckCounts(successes, trials);
        ConfidenceLevels.Check(level, nameof(level));
        var alpha = 1.0 - level;
        double x = successes;
        double n = trials;
        var lower = successes == 0 ? 0.0 : Distributions.BetaQuantile(alpha / 2, x, n - x + 1);
        var upper = successes == trials ? 1.0 : Distributions.BetaQuantile(1.0 - (alpha / 2), x + 1, n - x);
        return new ConfidenceInterval(lower, upper, level, IntervalMethod.ClopperPearson);
    }

    /// <summary>Returns an interval for a proportion by the given method.</summary>
    /// <param name="successes">The number of successes.</param>
    /// <param name="trials">The number of trials, at least 1.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <param name="method"><see cref="IntervalMethod.Wilson"/> or <see cref="IntervalMethod.ClopperPearson"/>.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The method is not a proportion method, or the counts or the level are outside their ranges.</exception>
    public static ConfidenceInterval For(long successes, long trials, double level, IntervalMethod method) => method switch
    {
        IntervalMethod.Wilson => Wilson(successes, trials, level),
        IntervalMethod.ClopperPearson => ClopperPearson(successes, trials, level),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "A proportion interval is Wilson or ClopperPearson."),
    };

    /// <summary>
    /// Returns the Newcombe hybrid score interval (method 10) for the difference of proportions
    /// p1 - p2, built from the Wilson intervals (l1, u1) and (l2, u2): lower = D - √((p1 - l1)² + (u2 - p2)²),
    /// upper = D + √((u1 - p1)² + (p2 - l2)²).
    /// </summary>
    /// <param name="successes1">Successes in the first group (treatment).</param>
    /// <param name="trials1">Trials in the first group, at least 1.</param>
    /// <param name="successes2">Successes in the second group (control).</param>
    /// <param name="trials2">Trials in the second group, at least 1.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>The interval, within [-1, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counts or the level are outside their ranges.</exception>
    public static ConfidenceInterval NewcombeDifference(long successes1, long trials1, long successes2, long trials2, double level)
    {
        CheckCounts(successes1, trials1);
        CheckCounts(successes2, trials2);
        ConfidenceLevels.Check(level, nameof(level));
        var z = Distributions.NormalQuantile(ConfidenceLevels.UpperProbability(level));
        var p1 = (double)successes1 / trials1;
        var p2 = (double)successes2 / trials2;
        var (l1, u1) = WilsonBounds(successes1, trials1, z);
        var (l2, u2) = WilsonBounds(successes2, trials2, z);
        var d = p1 - p2;
        var lower = d - Math.Sqrt(Square(p1 - l1) + Square(u2 - p2));
        var upper = d + Math.Sqrt(Square(u1 - p1) + Square(p2 - l2));
        return new ConfidenceInterval(Math.Max(-1.0, lower), Math.Min(1.0, upper), level, IntervalMethod.Newcombe);
    }

    /// <summary>The Wilson bounds at critical value z, exact at 0/n and n/n and clamped to [0, 1].</summary>
    internal static (double Lower, double Upper) WilsonBounds(long successes, long trials, double z)
    {
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1.0 + (z2 / n);
        var centre = (p + (z2 / (2.0 * n))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1.0 - p) / n) + (z2 / (4.0 * n * n)));
        var lower = successes == 0 ? 0.0 : Math.Max(0.0, centre - half);
        var upper = successes == trials ? 1.0 : Math.Min(1.0, centre + half);
        return (lower, upper);
    }

    private static double Square(double x) => x * x;

    private static void CheckCounts(long successes, long trials)
    {
        Preconditions.CheckRange(trials >= 1, nameof(trials), trials, "The number of trials (patients) must be at least 1.");
        Preconditions.CheckRange(successes >= 0 && successes <= trials, nameof(successes), successes, $"The number of successes (responders) must be between 0 and the number of trials, {trials}.");
    }
}
