using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>Confidence intervals for a mean (Student t) and for a difference of two means (Welch).</summary>
/// <remarks>Pure and thread-safe. Equal to R's <c>t.test(x)$conf.int</c> and <c>t.test(x, y)$conf.int</c>.</remarks>
public static class MeanIntervals
{
    /// <summary>Returns the Student t interval mean ± t(1 - α/2, n - 1) · s / √n.</summary>
    /// <param name="mean">The sample mean.</param>
    /// <param name="standardDeviation">The sample standard deviation (n - 1 denominator), non-negative.</param>
    /// <param name="count">The sample size, at least 2.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>The interval; [mean, mean] when the standard deviation is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static ConfidenceInterval StudentT(double mean, double standardDeviation, long count, double level)
    {
        Preconditions.CheckRange(double.IsFinite(mean), nameof(mean), mean, "The mean must be a finite number.");
        Preconditions.CheckRange(standardDeviation >= 0 && double.IsFinite(standardDeviation), nameof(standardDeviation), standardDeviation, "The standard deviation must be non-negative and finite.");
        Preconditions.CheckRange(count >= 2, nameof(count), count, "A t interval needs at least 2 observations.");
        ConfidenceLevels.Check(level, nameof(level));
        var t = Distributions.StudentTQuantile(ConfidenceLevels.UpperProbability(level), count - 1);
        var half = t * standardDeviation / Math.Sqrt(count);
        return new ConfidenceInterval(mean - half, mean + half, level, IntervalMethod.StudentT);
    }

    /// <summary>
    /// Returns the Welch interval for mean1 - mean2: the difference ± t(1 - α/2, ν) · √(s1²/n1 + s2²/n2), with
    /// the Welch-Satterthwaite degrees of freedom ν.
    /// </summary>
    /// <param name="mean1">The first mean (treatment).</param>
    /// <param name="standardDeviation1">The first standard deviation, non-negative.</param>
    /// <param name="count1">The first sample size, at least 2.</param>
    /// <param name="mean2">The second mean (control).</param>
    /// <param name="standardDeviation2">The second standard deviation, non-negative.</param>
    /// <param name="count2">The second sample size, at least 2.</param>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>The interval; [difference, difference] when both standard deviations are 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static ConfidenceInterval Welch(double mean1, double standardDeviation1, long count1, double mean2, double standardDeviation2, long count2, double level)
    {
        Preconditions.CheckRange(double.IsFinite(mean1), nameof(mean1), mean1, "The mean must be a finite number.");
        Preconditions.CheckRange(double.IsFinite(mean2), nameof(mean2), mean2, "The mean must be a finite number.");
        Preconditions.CheckRange(standardDeviation1 >= 0 && double.IsFinite(standardDeviation1), nameof(standardDeviation1), standardDeviation1, "The standard deviation must be non-negative and finite.");
        Preconditions.CheckRange(standardDeviation2 >= 0 && double.IsFinite(standardDeviation2), nameof(standardDeviation2), standardDeviation2, "The standard deviation must be non-negative and finite.");
        Preconditions.CheckRange(count1 >= 2, nameof(count1), count1, "A Welch interval needs at least 2 observations in each group.");
        Preconditions.CheckRange(count2 >= 2, nameof(count2), count2, "A Welch interval needs at least 2 observations in each group.");
        ConfidenceLevels.Check(level, nameof(level));
        var difference = mean1 - mean2;
        var v1 = standardDeviation1 * standardDeviation1 / count1;
        var v2 = standardDeviation2 * standardDeviation2 / count2;
        var se2 = v1 + v2;
        if (se2 == 0)
        {
            return new ConfidenceInterval(difference, difference, level, IntervalMethod.Welch);
        }

        var df = WelchDegreesOfFreedom(v1, count1, v2, count2);
        var half = Distributions.StudentTQuantile(ConfidenceLevels.UpperProbability(level), df) * Math.Sqrt(se2);
        return new ConfidenceInterval(difference - half, difference + half, level, IntervalMethod.Welch);
    }

    /// <summary>The Welch-Satterthwaite degrees of freedom from the squared standard errors v = s²/n.</summary>
    internal static double WelchDegreesOfFreedom(double v1, long count1, double v2, long count2)
    {
        var se2 = v1 + v2;
        return se2 * se2 / ((v1 * v1 / (count1 - 1)) + (v2 * v2 / (count2 - 1)));
    }
}
