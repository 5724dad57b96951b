using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Dosing;
using MigraineProtocol.Tests.Arbitraries;

namespace MigraineProtocol.Tests.Dosing;

[Properties(Arbitrary = [typeof(DomainArbitraries)])]
public class ToxinUnitsTests
{
    [Property]
    public bool AdditionCommutes(ToxinUnits a, ToxinUnits b) => a + b == b + a;

    [Property]
    public bool AdditionAssociates(ToxinUnits a, ToxinUnits b, ToxinUnits c) => (a + b) + c == a + (b + c);

    [Property]
    public bool ZeroIsIdentity(ToxinUnits a) => a + ToxinUnits.Zero == a && a - ToxinUnits.Zero == a;

    [Property]
    public bool SubtractionUndoesAddition(ToxinUnits a, ToxinUnits b) => (a + b) - b == a;

    [Property]
    public Property SubtractionBelowZeroThrows(ToxinUnits a, ToxinUnits b) =>
        (a < b).When(() => Assert.Throws<OverflowException>(() => a - b).Message.Contains("negative", StringComparison.Ordinal));

    [Property]
    public bool MultiplicationIsRepeatedAddition(ToxinUnits a, byte b)
    {
        var n = b % 200; // 4,000 U x 200 stays below the 1,000,000 U maximum; overflow is tested on its own
        return a * n == ToxinUnits.Sum(Enumerable.Repeat(a, n)) && a * n == n * a;
    }

    [Property]
    public bool AgreesWithDecimalOracle(ToxinUnits a, ToxinUnits b) =>
        (a + b).Units == a.Units + b.Units && a.CompareTo(b) == a.Units.CompareTo(b.Units) && (a == b) == (a.Units == b.Units);

    [Property]
    public bool ToStringThenParseIsIdentity(ToxinUnits a) =>
        ToxinUnits.Parse(a.ToString()) == a && ToxinUnits.Parse(a.ToString("N", null)) == a;

    [Property]
    public bool FromUnitsRoundTrips(ToxinUnits a) => ToxinUnits.FromUnits(a.Units) == a && ToxinUnits.FromHundredths(a.Hundredths) == a;

    [Property]
    public bool TryParseNeverThrows(string? s) => ToxinUnits.TryParse(s, out var u) || u == ToxinUnits.Zero;

    [Property]
    public bool FormattingIsCultureInvariant(ToxinUnits a)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            var invariant = a.ToString();
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            return a.ToString() == invariant && !invariant.Contains(',', StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("5 U", 5)]
    [InlineData("5U", 5)]
    [InlineData(" 2.5 U ", 2.5)]
    [InlineData("0.01", 0.01)]
    [InlineData("155", 155)]
    public void ParsesClinicalText(string text, double expected) => Assert.Equal((decimal)expected, ToxinUnits.Parse(text).Units);

    [Theory]
    [InlineData("-5")]
    [InlineData("2,5")]
    [InlineData("1,000")]
    [InlineData("0.005")]
    [InlineData("5 mL")]
    [InlineData("")]
    [InlineData("U")]
    [InlineData("1000001")]
    [InlineData("+5")]
    [InlineData("1e3")]
    public void RejectsUnsafeText(string text)
    {
        Assert.False(ToxinUnits.TryParse(text, out _));
        Assert.Contains($"'{text}'", Assert.Throws<FormatException>(() => ToxinUnits.Parse(text)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0.001)]
    [InlineData(1_000_000.01)]
    public void FromUnitsNamesTheValueAndTheRule(double units)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ToxinUnits.FromUnits((decimal)units));
        Assert.Equal("units", e.ParamName);
        Assert.Contains(((decimal)units).ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverflowIsChecked()
    {
        Assert.Throws<OverflowException>(() => ToxinUnits.MaxValue + ToxinUnits.FromHundredths(1));
        Assert.Throws<OverflowException>(() => ToxinUnits.MaxValue * 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => ToxinUnits.FromUnits(5) * -1);
    }

    [Fact]
    public void DefaultIsZeroAndFormats()
    {
        Assert.Equal(ToxinUnits.Zero, default);
        Assert.Equal("0 U", default(ToxinUnits).ToString());
        Assert.Equal("155 U", (ToxinUnits.FromUnits(5) * 31).ToString());
        Assert.Equal("2.5 U", ToxinUnits.FromUnits(2.5m).ToString());
        Assert.Equal(1, ToxinUnits.Zero.CompareTo(null));
        Assert.Throws<FormatException>(() => ToxinUnits.Zero.ToString("X", null));
    }
}
