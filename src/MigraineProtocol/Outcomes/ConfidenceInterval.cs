using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>How a confidence interval was computed.</summary>
public enum IntervalMethod
{
    /// <summary>The Wilson score interval for a proportion (the default for responder rates; R <c>prop.test(correct = FALSE)</c>).</summary>
    Wilson = 0,

    /// <summary>The Clopper-Pearson exact interval for a proportion, from beta quantiles (R <c>binom.test</c>).</summary>
    ClopperPearson = 1,

    /// <summary>The Student t interval for a mean (R <c>t.test</c>).</summary>
    StudentT = 2,

    /// <summary>The Welch interval for a difference of two means with unequal variances (R <c>t.test(var.equal = FALSE)</c>).</summary>
    Welch = 3,

    /// <summary>The Newcombe hybrid score interval for a difference of two proportions, built from the two Wilson intervals (Newcombe 1998, method 10).</summary>
    Newcombe = 4,

    /// <summary>Altman's interval for a number needed to treat: the reciprocals of the Newcombe bounds (BMJ 1998;317:1309, ADR 0071).
    /// It is the method of a <see cref="NumberNeededToTreatInterval"/>, never of a <see cref="ConfidenceInterval"/>.</summary>
    Altman = 5,
}

/// <summary>
/// Text forms of <see cref="IntervalMethod"/>, in the convention of the other enum text helpers
/// (<c>PeriodKinds</c>, <c>EligibilityRuleSets</c>): <see cref="Format"/> gives the invariant token used in
/// JSON and on the command line (<c>wilson</c>, <c>clopper-pearson</c>, <c>t</c>, <c>welch</c>,
/// <c>newcombe</c>, <c>altman</c>), <see cref="TryParse"/> reads it back (ordinal, exact), and
/// <see cref="Describe"/> gives the name for people ("Wilson score", "Clopper-Pearson", …).
/// </summary>
public static class IntervalMethods
{
    /// <summary>Gets every method, in the order of their values.</summary>
    public static ImmutableArray<IntervalMethod> All { get; } =
        [IntervalMethod.Wilson, IntervalMethod.ClopperPearson, IntervalMethod.StudentT, IntervalMethod.Welch, IntervalMethod.Newcombe, IntervalMethod.Altman];

    /// <summary>Gets the methods of a responder-rate (proportion) interval: <see cref="IntervalMethod.Wilson"/> (the default) and <see cref="IntervalMethod.ClopperPearson"/>.</summary>
    public static ImmutableArray<IntervalMethod> ForProportions { get; } = [IntervalMethod.Wilson, IntervalMethod.ClopperPearson];

    /// <summary>Returns the invariant token of a method: <c>wilson</c>, <c>clopper-pearson</c>, <c>t</c>, <c>welch</c>, <c>newcombe</c> or <c>altman</c>.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not defined.</exception>
    public static string Format(IntervalMethod method) => method switch
    {
        IntervalMethod.Wilson => "wilson",
        IntervalMethod.ClopperPearson => "clopper-pearson",
        IntervalMethod.StudentT => "t",
        IntervalMethod.Welch => "welch",
        IntervalMethod.Newcombe => "newcombe",
        IntervalMethod.Altman => "altman",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "The method must be a defined IntervalMethod."),
    };

    /// <summary>Parses the token of a method (ordinal, exact: <c>clopper-pearson</c>, not <c>Clopper-Pearson</c>); never throws.</summary>
    /// <param name="text">The text.</param>
    /// <param name="method">The method when recognized.</param>
    /// <returns><see langword="true"/> when recognized.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out IntervalMethod method)
    {
        foreach (var m in All)
        {
            if (string.Equals(text, Format(m), StringComparison.Ordinal))
            {
                method = m;
                return true;
            }
        }

        method = default;
        return false;
    }

    /// <summary>Returns the name of a method for people: "Wilson score", "Clopper-Pearson", "Student t", "Welch", "Newcombe hybrid score" or "Altman (1 / Newcombe bounds)".</summary>
    /// <param name="method">The method.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not defined.</exception>
    public static string Describe(IntervalMethod method) => method switch
    {
        IntervalMethod.Wilson => "Wilson score",
        IntervalMethod.ClopperPearson => "Clopper-Pearson",
        IntervalMethod.StudentT => "Student t",
        IntervalMethod.Welch => "Welch",
        IntervalMethod.Newcombe => "Newcombe hybrid score",
        IntervalMethod.Altman => "Altman (1 / Newcombe bounds)",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "The method must be a defined IntervalMethod."),
    };
}

/// <summary>A two-sided confidence interval: lower and upper bounds, the confidence level and the method.</summary>
/// <remarks>
/// Immutable; equality is by value (bounds compared exactly). The default value is the interval [0, 0]
/// at level 0 with <see cref="IntervalMethod.Wilson"/>; intervals come from <see cref="ProportionIntervals"/>
/// and <see cref="MeanIntervals"/>.
/// </remarks>
public readonly struct ConfidenceInterval : IEquatable<ConfidenceInterval>
{
    /// <summary>Initializes a new interval.</summary>
    /// <param name="lower">The lower bound.</param>
    /// <param name="upper">The upper bound, at least <paramref name="lower"/>.</param>
    /// <param name="level">The confidence level, in (0, <see cref="MaxLevel"/>].</param>
    /// <param name="method">The method.</param>
    /// <exception cref="ArgumentOutOfRangeException">A bound is NaN or infinite, <paramref name="upper"/> is below <paramref name="lower"/>, the level is outside (0, <see cref="MaxLevel"/>] or the method is undefined.</exception>
    public ConfidenceInterval(double lower, double upper, double level, IntervalMethod method)
    {
        Preconditions.CheckRange(double.IsFinite(lower), nameof(lower), lower, "An interval bound must be a finite number.");
        Preconditions.CheckRange(double.IsFinite(upper), nameof(upper), upper, "An interval bound must be a finite number.");
        Preconditions.CheckRange(upper >= lower, nameof(upper), upper, $"The upper bound must not be below the lower bound {lower}.");
        ConfidenceLevels.Check(level, nameof(level));
        Preconditions.CheckRange(Enum.IsDefined(method) && method != IntervalMethod.Altman, nameof(method), method, "The method must be a defined IntervalMethod other than Altman (a number-needed-to-treat interval).");
        Lower = lower;
        Upper = upper;
        Level = level;
        Method = method;
    }

    /// <summary>
    /// The largest confidence level accepted, 1 - 2⁻⁵² (0.9999999999999998): for any larger level below 1
    /// the two-sided critical probability 0.5 + level/2 rounds to exactly 1 in double precision and every
    /// interval would be infinite.
    /// </summary>
    public const double MaxLevel = 0.9999999999999998;

    /// <summary>Gets the lower bound.</summary>
    public double Lower { get; }

    /// <summary>Gets the upper bound.</summary>
    public double Upper { get; }

    /// <summary>Gets the confidence level, for example 0.95.</summary>
    public double Level { get; }

    /// <summary>Gets how the interval was computed.</summary>
    public IntervalMethod Method { get; }

    /// <summary>Gets the width, <see cref="Upper"/> minus <see cref="Lower"/>.</summary>
    public double Width => Upper - Lower;

    /// <summary>Compares two intervals for equality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ConfidenceInterval left, ConfidenceInterval right) => left.Equals(right);

    /// <summary>Compares two intervals for inequality.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ConfidenceInterval left, ConfidenceInterval right) => !left.Equals(right);

    /// <summary>Returns <see langword="true"/> when the value lies in the closed interval.</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when <see cref="Lower"/> ≤ value ≤ <see cref="Upper"/>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc />
    public bool Equals(ConfidenceInterval other) =>
        Lower.Equals(other.Lower) && Upper.Equals(other.Upper) && Level.Equals(other.Level) && Method == other.Method;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConfidenceInterval other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Lower, Upper, Level, Method);

    /// <summary>Returns <c>[lower, upper] (95% wilson)</c> with round-trip numbers.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"[{Lower:R}, {Upper:R}] ({Level * 100:0.###}% {IntervalMethods.Format(Method)})");
}

/// <summary>Checks of confidence levels.</summary>
internal static class ConfidenceLevels
{
    internal static void Check(double level, string paramName)
    {
        Preconditions.CheckRange(level is > 0 and < 1, paramName, level, "A confidence level must be strictly between 0 and 1, for example 0.95.");
        Preconditions.CheckRange(level <= ConfidenceInterval.MaxLevel, paramName, level, "A confidence level must be at most 0.9999999999999998: closer to 1, the critical probability 1 - α/2 rounds to 1 and the interval is infinite.");
    }

    /// <summary>The two-sided critical probability 1 - α/2.</summary>
    internal static double UpperProbability(double level) => 0.5 + (0.5 * level);
}
