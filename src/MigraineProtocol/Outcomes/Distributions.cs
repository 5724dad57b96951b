using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// The probability distributions the outcome statistics need, written without dependencies: the
/// standard normal quantile, the Student t distribution and quantile, and the regularized incomplete
/// beta function with its inverse (the beta quantile used by the Clopper-Pearson interval).
/// </summary>
/// <remarks>
/// <para>Accuracy, checked against R 4.2 and 50-digit mpmath in the tests (ADR 0070): the normal quantile is
/// Wichura's algorithm AS 241 (about 1e-16 relative). The incomplete beta follows Didonato and Morris
/// (1992), TOMS 708: the tail below the mean is a continued fraction written in λ = a - (a + b)·x (from
/// whichever of x and 1 - x is exact) times a prefactor in Stirling form, the other tail its complement.
/// Measured: Clopper-Pearson bounds within 1.4e-14 relative of R for every n up to 2^53; the t quantile and
/// CDF within 8e-15 of R for degrees of freedom from 1 to 1e25 and 3.5e-14 at 1e300; over a random sweep
/// of 4,000 cases (shapes 0.05 to 1e6, df 0.5 to 1e9) every value within 2e-13 of R except beta CDF values
/// below 1e-200, within about 1e-12 (where R is no closer to 50-digit arithmetic).</para>
/// <para>Every function is pure and thread-safe.</para>
/// </remarks>
internal static class Distributions
{
    private const double LnSqrt2Pi = 0.91893853320467274178032973640562;
    private const double Epsilon = 1e-15;

    // Wichura (1988), AS 241 PPND16 coefficients, lowest order first.
    private static readonly double[] As241A = [3.3871328727963666080e0, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4, 4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3];
    private static readonly double[] As241B = [1.0, 4.2313330701600911252e1, 6.8718700749205790830e2, 5.3941960214247511077e3, 2.1213794301586595867e4, 3.9307895800092710610e4, 2.8729085735721942674e4, 5.2264952788528545610e3];
    private static readonly double[] As241C = [1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0, 3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2, 7.74545014278341407640e-4];
    private static readonly double[] As241D = [1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1, 1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9];
    private static readonly double[] As241E = [6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0, 2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7];
    private static readonly double[] As241F = [1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2, 7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15];

    // Bernoulli terms B(2k) / (2k (2k - 1)) of Stirling's series, in powers of 1/x².
    private static readonly double[] StirlingSeries = [1.0 / 12.0, -1.0 / 360.0, 1.0 / 1260.0, -1.0 / 1680.0, 1.0 / 1188.0, -691.0 / 360360.0, 1.0 / 156.0, -3617.0 / 122400.0];

    /// <summary>Returns the quantile of the standard normal distribution: the z with P(Z ≤ z) = <paramref name="probability"/>.</summary>
    /// <param name="probability">A probability in (0, 1); 0 and 1 give negative and positive infinity.</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN.</exception>
    /// <remarks>Wichura, M. J. (1988), Algorithm AS 241, Applied Statistics 37:477-484 (PPND16).</remarks>
    public static double NormalQuantile(double probability)
    {
        CheckProbability(probability, nameof(probability));
        if (probability == 0)
        {
            return double.NegativeInfinity;
        }

        if (probability == 1)
        {
            return double.PositiveInfinity;
        }

        var q = probability - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - (q * q);
            return q * Horner(As241A, r) / Horner(As241B, r);
        }

        var rr = Math.Sqrt(-Math.Log(q < 0 ? probability : 1.0 - probability));
        var value = rr <= 5.0
            ? Horner(As241C, rr - 1.6) / Horner(As241D, rr - 1.6)
            : Horner(As241E, rr - 5.0) / Horner(As241F, rr - 5.0);
        return q < 0 ? -value : value;
    }

    /// <summary>Returns the cumulative distribution function of Student's t distribution: P(T ≤ <paramref name="t"/>).</summary>
    /// <param name="t">The value.</param>
    /// <param name="degreesOfFreedom">The degrees of freedom, positive and finite (fractional values are allowed, as in the Welch interval).</param>
    /// <returns>The probability.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="degreesOfFreedom"/> is not positive and finite, or <paramref name="t"/> is NaN.</exception>
    public static double StudentTCdf(double t, double degreesOfFreedom)
    {
        CheckDegreesOfFreedom(degreesOfFreedom);
        Preconditions.CheckRange(!double.IsNaN(t), nameof(t), t, "The value must not be NaN.");
        if (double.IsInfinity(t))
        {
            return t > 0 ? 1.0 : 0.0;
        }

        var v = degreesOfFreedom;
        var t2 = t * t;

        // P(|T| > |t|) = I_{v/(v+t²)}(v/2, 1/2); use the complementary form when t² is small for accuracy.
        // x = v/(v+t²) and y = t²/(v+t²) are both formed directly, so neither loses the bits of the other.
        var tail = BetaTails(v / (v + t2), t2 / (v + t2), 0.5 * v, 0.5).Lower;
        var upper = 0.5 * tail;
        return t > 0 ? 1.0 - upper : upper;
    }

    /// <summary>Returns the quantile of Student's t distribution: the t with P(T ≤ t) = <paramref name="probability"/>.</summary>
    /// <param name="probability">A probability in (0, 1); 0 and 1 give negative and positive infinity.</param>
    /// <param name="degreesOfFreedom">The degrees of freedom, positive and finite (fractional values are allowed).</param>
    /// <returns>The quantile.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside [0, 1] or NaN, or <paramref name="degreesOfFreedom"/> is not positive and finite.</exception>
    public static double StudentTQuantile(double probability, double degreesOfFreedom)
    {
        CheckProbability(probability, nameof(probability));
        CheckDegreesOfFreedom(degreesOfFreedom);
        if (probability == 0)
        {
            return double.NegativeInfinity;
        }

        if (probability == 1)
        {
            return double.PositiveInfinity;
        }

        if (probability == 0.5)
        {
            return 0.0;
        }

        var v = degreesOfFreedom;
        var lowerTail = Math.Min(probability, 1.0 - probability);

        // The central mass |2p - 1| = 1 - 2q, exact for p in [0.25, 1] (Sterbenz) and formed without
        // cancellation otherwise; near the median it, not 1 - 2q, carries the bits of p.
        var centre = 2.0 * Math.Abs(probability - 0.5);
        double magnitude;
        if (v == 1)
        {
            magnitude = centre <= 0.5 ? Math.Tan(0.5 * Math.PI * centre) : 1.0 / Math.Tan(Math.PI * lowerTail);
        }
        else if (v == 2)
        {
            // F(t) = 1/2 + t / (2√(2 + t²)), so t = (2p - 1) / √(2q(1 - q)).
            magnitude = centre / Math.Sqrt(2.0 * lowerTail * (1.0 - lowerTail));
        }
        else
        {
            // With x = v/(v+t²) and y = t²/(v+t²): I_y(1/2, v/2) = 1 - 2q (the central mass) and
            // I_x(v/2, 1/2) = 2q. Solve for y, which keeps its precision when small (large v, or p near
            // the median), from whichever of the two masses is the smaller (no cancellation).
            var y = centre <= 0.5
                ? SolveBeta(0.5, 0.5 * v, centre, upperTail: false)
                : SolveBeta(0.5, 0.5 * v, 2.0 * lowerTail, upperTail: true);
            if (y <= 0.5)
            {
                magnitude = Math.Sqrt(v * y / (1.0 - y));
            }
            else
            {
                // Small v or a far tail: x = 1 - y is the small one; solve I_x(v/2, 1/2) = 2q for it.
                var x = SolveBeta(0.5 * v, 0.5, 2.0 * lowerTail, upperTail: false);
                magnitude = Math.Sqrt(v * (1.0 - x) / x);
            }
        }

        return probability < 0.5 ? -magnitude : magnitude;
    }

    /// <summary>Returns the regularized incomplete beta function I_x(a, b), the cumulative distribution function of the Beta(a, b) distribution.</summary>
    /// <param name="x">The point, in [0, 1].</param>
    /// <param name="a">The first shape parameter, positive and finite.</param>
    /// <param name="b">The second shape parameter, positive and finite.</param>
    /// <returns>The probability P(X ≤ x) for X ~ Beta(a, b).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range or NaN.</exception>
    public static double BetaCdf(double x, double a, double b)
    {
        CheckShape(a, nameof(a));
        CheckShape(b, nameof(b));
        CheckProbability(x, nameof(x));
        return RegularizedBeta(x, a, b);
    }

    /// <summary>Returns the quantile of the Beta(a, b) distribution: the x with I_x(a, b) = <paramref name="probability"/>.</summary>
    /// <param name="probability">A probability in [0, 1]; 0 gives 0 and 1 gives 1.</param>
    /// <param name="a">The first shape parameter, positive and finite.</param>
    /// <param name="b">The second shape parameter, positive and finite.</param>
    /// <returns>The quantile, in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range or NaN.</exception>
    /// <remarks>Closed forms for a = 1 or b = 1; otherwise Newton's method on I_x safeguarded by bisection, started from the approximation of Numerical Recipes (3rd ed., §6.14.1).</remarks>
    public static double BetaQuantile(double probability, double a, double b)
    {
        CheckProbability(probability, nameof(probability));
        CheckShape(a, nameof(a));
        CheckShape(b, nameof(b));
        if (probability <= 0)
        {
            return 0.0;
        }

        if (probability >= 1)
        {
            return 1.0;
        }

        return probability <= 0.5
            ? SolveBeta(a, b, probability, upperTail: false)
            : SolveBeta(a, b, 1.0 - probability, upperTail: true);
    }

    /// <summary>Returns ln Γ(x) for x &gt; 0.</summary>
    internal static double LogGamma(double x)
    {
        if (x >= 10)
        {
            return ((x - 0.5) * Math.Log(x)) - x + LnSqrt2Pi + StirlingCorrection(x);
        }

        // Shift up to x >= 10 with the recurrence Γ(x+1) = x Γ(x), multiplying the factors.
        var product = 1.0;
        var y = x;
        while (y < 10)
        {
            product *= y;
            y += 1;
        }

        return ((y - 0.5) * Math.Log(y)) - y + LnSqrt2Pi + StirlingCorrection(y) - Math.Log(product);
    }

    /// <summary>Returns ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b), avoiding cancellation for large arguments (after R's lbeta).</summary>
    internal static double LogBeta(double a, double b)
    {
        var p = Math.Min(a, b);
        var q = Math.Max(a, b);
        if (p >= 10)
        {
            var corr = StirlingCorrection(p) + StirlingCorrection(q) - StirlingCorrection(p + q);
            return (-0.5 * Math.Log(q)) + LnSqrt2Pi + corr + ((p - 0.5) * Math.Log(p / (p + q))) + (q * Log1P(-p / (p + q)));
        }

        if (q >= 10)
        {
            var corr = StirlingCorrection(q) - StirlingCorrection(p + q);
            return LogGamma(p) + corr + p - (p * Math.Log(p + q)) + ((q - 0.5) * Log1P(-p / (p + q)));
        }

        return LogGamma(p) + LogGamma(q) - LogGamma(p + q);
    }

    /// <summary>Returns ln(1 + x) accurately for small x.</summary>
    internal static double Log1P(double x)
    {
        var u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>Returns exp(x) - 1 accurately for small x (Kahan).</summary>
    internal static double ExpM1(double x)
    {
        if (Math.Abs(x) > 0.5)
        {
            return Math.Exp(x) - 1.0;
        }

        var u = Math.Exp(x);
        if (u == 1.0)
        {
            return x;
        }

        var um1 = u - 1.0;
        return um1 == -1.0 ? -1.0 : um1 * x / Math.Log(u);
    }

    /// <summary>I_x(a, b) without argument checks.</summary>
    internal static double RegularizedBeta(double x, double a, double b) => BetaTails(x, a, b).Lower;

    /// <summary>Both tails, I_x(a, b) and 1 - I_x(a, b), at x with y = 1 - x.</summary>
    internal static (double Lower, double Upper) BetaTails(double x, double a, double b) => BetaTails(x, 1.0 - x, a, b);

    /// <summary>
    /// Both tails, I_x(a, b) and 1 - I_x(a, b), given x and y = 1 - x separately so that whichever is
    /// small keeps all its bits. The tail below the mean a/(a+b) is the continued fraction; the other is
    /// its complement (no cancellation in the small tail).
    /// </summary>
    /// <remarks>
    /// As in Didonato and Morris (1992), TOMS 708 (<c>bratio</c>, <c>bfrac</c>, <c>brcomp</c>; R's pbeta):
    /// λ = a - (a + b)·x = (a + b)·y - b is computed from the smaller of x and y, and the continued
    /// fraction is written in terms of λ, so evaluating the upper tail for a tiny x (a small, b huge, as in a
    /// Clopper-Pearson bound for 1 in 10⁹ or a t distribution with 10¹² degrees of freedom) never forms
    /// 1 - x and loses none of the low bits of x.
    /// </remarks>
    internal static (double Lower, double Upper) BetaTails(double x, double y, double a, double b)
    {
        if (x <= 0)
        {
            return (0.0, 1.0);
        }

        if (y <= 0)
        {
            return (1.0, 0.0);
        }

        var lambda = x <= y ? a - ((a + b) * x) : ((a + b) * y) - b;
        if (lambda >= 0)
        {
            var lower = BetaFraction(a, b, x, y, lambda);
            return (lower, 1.0 - lower);
        }

        var upper = BetaFraction(b, a, y, x, -lambda);
        return (1.0 - upper, upper);
    }

    /// <summary>x^a y^b / B(a, b), with y = 1 - x given separately (TOMS 708 <c>brcomp</c>).</summary>
    internal static double BetaFront(double a, double b, double x, double y)
    {
        if (Math.Min(a, b) >= 10)
        {
            // Stirling form around the mode x0 = a/(a+b): no cancellation between a·ln x, b·ln y and ln B.
            var lambda = x <= y ? a - ((a + b) * x) : ((a + b) * y) - b;
            var x0 = a / (a + b);
            var y0 = b / (a + b);
            var e = -lambda / a;
            var u = Math.Abs(e) > 0.6 ? e - Math.Log(x / x0) : Rlog1(e);
            e = lambda / b;
            var v = Math.Abs(e) > 0.6 ? e - Math.Log(y / y0) : Rlog1(e);
            var corr = StirlingCorrection(a) + StirlingCorrection(b) - StirlingCorrection(a + b);
            return Math.Sqrt(b * x0) * Math.Exp(-((a * u) + (b * v)) - corr - LnSqrt2Pi);
        }

        double lnx, lny;
        if (x <= 0.375)
        {
            lnx = Math.Log(x);
            lny = Log1P(-x);
        }
        else if (y > 0.375)
        {
            lnx = Math.Log(x);
            lny = Math.Log(y);
        }
        else
        {
            lnx = Log1P(-y);
            lny = Math.Log(y);
        }

        return Math.Exp((a * lnx) + (b * lny) - LogBeta(a, b));
    }

    /// <summary>x - ln(1 + x), without cancellation for small x.</summary>
    internal static double Rlog1(double x)
    {
        if (Math.Abs(x) > 0.1)
        {
            return x - Log1P(x);
        }

        // Σ_{k≥2} (-x)^k / k · (-1)^... : x - ln(1+x) = x²/2 - x³/3 + x⁴/4 - ...
        var term = x * x;
        var sum = 0.0;
        for (var k = 2; k < 60; k++)
        {
            var add = term / k;
            sum += add;
            if (Math.Abs(add) <= 1e-17 * Math.Abs(sum))
            {
                break;
            }

            term *= -x;
        }

        return sum;
    }

    /// <summary>
    /// I_x(a, b) for x at or below the mean, λ = (a + b)·y - b ≥ 0: the continued fraction in the form of
    /// TOMS 708 <c>bfrac</c> (Didonato and Morris 1992) times <see cref="BetaFront"/>.
    /// </summary>
    private static double BetaFraction(double a, double b, double x, double y, double lambda)
    {
        const int MaxIterations = 100_000;
        var front = BetaFront(a, b, x, y);
        if (front == 0)
        {
            return 0.0;
        }

        var c = lambda + 1.0;
        var c0 = b / a;
        var c1 = (1.0 / a) + 1.0;
        var yp1 = y + 1.0;
        var n = 0.0;
        var p = 1.0;
        var s = a + 1.0;
        var an = 0.0;
        var bn = 1.0;
        var anp1 = 1.0;
        var bnp1 = c / c1;
        var r = c1 / c;
        for (var i = 0; i < MaxIterations; i++)
        {
            n += 1.0;
            var t = n / a;
            var w = n * (b - n) * x;
            var e = a / s;
            var alpha = p * (p + c0) * e * e * (w * x);
            e = (t + 1.0) / (c1 + t + t);
            var beta = n + (w / s) + (e * (c + (n * yp1)));
            p = t + 1.0;
            s += 2.0;
            t = (alpha * an) + (beta * anp1);
            an = anp1;
            anp1 = t;
            t = (alpha * bn) + (beta * bnp1);
            bn = bnp1;
            bnp1 = t;
            var r0 = r;
            r = anp1 / bnp1;
            if (Math.Abs(r - r0) <= 1e-16 * r)
            {
                break;
            }

            an /= bnp1;
            bn /= bnp1;
            anp1 = r;
            bnp1 = 1.0;
        }

        return front * r;
    }

    /// <summary>
    /// Finds x in (0, 1) with I_x(a, b) = p (lower tail) or 1 - I_x(a, b) = p (upper tail), p &lt;= 0.5 in
    /// the tail of interest, by Newton's method safeguarded by a bracket.
    /// </summary>
    private static double SolveBeta(double a, double b, double p, bool upperTail)
    {
        // Closed forms.
        if (a == 1.0)
        {
            // I_x(1, b) = 1 - (1-x)^b.
            var logRest = upperTail ? Math.Log(p) : Log1P(-p);
            return -ExpM1(logRest / b);
        }

        if (b == 1.0)
        {
            // I_x(a, 1) = x^a.
            var logP = upperTail ? Log1P(-p) : Math.Log(p);
            return Math.Exp(logP / a);
        }

        var x = InitialBetaGuess(upperTail ? 1.0 - p : p, a, b);
        var lo = 0.0;
        var hi = 1.0;
        var logBeta = LogBeta(a, b);
        for (var i = 0; i < 300; i++)
        {
            if (!(x > lo && x < hi))
            {
                x = 0.5 * (lo + hi);
            }

            // The signed residual in the tail of interest keeps precision when p is small.
            var (lower, upper) = BetaTails(x, a, b);
            var f = upperTail ? p - upper : lower - p;
            if (f == 0)
            {
                return x;
            }

            if (f < 0)
            {
                lo = x;
            }
            else
            {
                hi = x;
            }

            var logPdf = ((a - 1.0) * Math.Log(x)) + ((b - 1.0) * Log1P(-x)) - logBeta;
            var step = f / Math.Exp(logPdf);
            var next = x - step;
            if (!(next > lo && next < hi) || double.IsNaN(next))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - x) <= Epsilon * Math.Max(x, 1e-300) || hi - lo <= Epsilon * Math.Max(lo, 1e-300))
            {
                return next;
            }

            x = next;
        }

        return x;
    }

    /// <summary>The starting point of Numerical Recipes (3rd ed.) invbetai.</summary>
    private static double InitialBetaGuess(double p, double a, double b)
    {
        if (a >= 1 && b >= 1)
        {
            var pp = p < 0.5 ? p : 1.0 - p;
            var t = Math.Sqrt(-2.0 * Math.Log(pp));
            var x = ((2.30753 + (t * 0.27061)) / (1.0 + (t * (0.99229 + (t * 0.04481))))) - t;
            if (p < 0.5)
            {
                x = -x;
            }

            var al = ((x * x) - 3.0) / 6.0;
            var h = 2.0 / ((1.0 / ((2.0 * a) - 1.0)) + (1.0 / ((2.0 * b) - 1.0)));
            var w = (x * Math.Sqrt(al + h) / h) - (((1.0 / ((2.0 * b) - 1.0)) - (1.0 / ((2.0 * a) - 1.0))) * (al + (5.0 / 6.0) - (2.0 / (3.0 * h))));
            return a / (a + (b * Math.Exp(2.0 * w)));
        }

        var lna = Math.Log(a / (a + b));
        var lnb = Math.Log(b / (a + b));
        var ta = Math.Exp(a * lna) / a;
        var ub = Math.Exp(b * lnb) / b;
        var wsum = ta + ub;
        return p < ta / wsum
            ? Math.Pow(a * wsum * p, 1.0 / a)
            : 1.0 - Math.Pow(b * wsum * (1.0 - p), 1.0 / b);
    }

    /// <summary>ln Γ(x) - Stirling's approximation, for x &gt;= 10 (asymptotic series to x^-15).</summary>
    private static double StirlingCorrection(double x)
    {
        var z = 1.0 / x;
        var z2 = z * z;
        return z * Horner(StirlingSeries, z2);
    }

    private static double Horner(double[] coefficients, double x)
    {
        var result = 0.0;
        for (var i = coefficients.Length - 1; i >= 0; i--)
        {
            result = (result * x) + coefficients[i];
        }

        return result;
    }

    private static void CheckProbability(double p, string name) =>
        Preconditions.CheckRange(p is >= 0 and <= 1, name, p, "A probability must be between 0 and 1 inclusive (and not NaN).");

    private static void CheckDegreesOfFreedom(double v) =>
        Preconditions.CheckRange(v > 0 && double.IsFinite(v), "degreesOfFreedom", v, "The degrees of freedom must be positive and finite.");

    private static void CheckShape(double s, string name) =>
        Preconditions.CheckRange(s > 0 && double.IsFinite(s), name, s, "A beta shape parameter must be positive and finite.");
}
