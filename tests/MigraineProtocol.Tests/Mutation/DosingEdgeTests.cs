using System.Text.Json;
using MigraineProtocol.Dosing;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The edges of the dosing quantities that mutation testing (docs/quality.md, "Mutation testing") showed
/// no other test pinned: each range limit at and just past it, each comparison at equality, each text
/// and JSON form, and the rounding of the reconstitution at exactly half a step.
/// </summary>
public class DosingEdgeTests
{
    [Fact]
    public void ToxinUnitsAcceptTheirLimitsAndRefuseOneStepPast()
    {
        Assert.Equal(ToxinUnits.MaxValue, ToxinUnits.FromUnits(1_000_000m));
        Assert.Equal(ToxinUnits.MaxValue, ToxinUnits.FromHundredths(100_000_000));
        Assert.Equal(ToxinUnits.Zero, ToxinUnits.FromUnits(0m));
        Assert.Equal(ToxinUnits.Zero, ToxinUnits.FromHundredths(0));
        Assert.True(ToxinUnits.TryFromUnits(1_000_000m, out var max));
        Assert.Equal(100_000_000, max.Hundredths);
        Assert.False(ToxinUnits.TryFromUnits(1_000_000.01m, out var past));
        Assert.Equal(ToxinUnits.Zero, past);
        Assert.False(ToxinUnits.TryFromUnits(-0.01m, out _));

        var above = Assert.Throws<ArgumentOutOfRangeException>(() => ToxinUnits.FromHundredths(100_000_001));
        Assert.Equal("hundredths", above.ParamName);
        Assert.Contains("100000001 hundredths", above.Message, StringComparison.Ordinal);
        Assert.Contains("1000000 U", above.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ToxinUnits.FromHundredths(-1));
        Assert.Contains("at most 1000000 U", Assert.Throws<ArgumentOutOfRangeException>(() => ToxinUnits.FromUnits(1_000_000.01m)).Message, StringComparison.Ordinal);
        Assert.Contains("must not be negative", Assert.Throws<ArgumentOutOfRangeException>(() => ToxinUnits.FromUnits(-1m)).Message, StringComparison.Ordinal);
        Assert.Contains("more than two decimal places", Assert.Throws<ArgumentOutOfRangeException>(() => ToxinUnits.FromUnits(0.001m)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToxinUnitsArithmeticReachesTheMaximumExactlyAndZeroExactly()
    {
        var half = ToxinUnits.FromUnits(500_000);
        Assert.Equal(ToxinUnits.MaxValue, half + half);
        Assert.Equal(ToxinUnits.MaxValue, half * 2);
        Assert.Equal(ToxinUnits.MaxValue, 2 * half);
        Assert.Equal(ToxinUnits.Zero, half * 0);
        Assert.Equal(ToxinUnits.Zero, half - half);
        Assert.Equal(ToxinUnits.FromUnits(3), ToxinUnits.FromUnits(5).Minus(ToxinUnits.FromUnits(2)));
        Assert.Equal(ToxinUnits.FromUnits(7), ToxinUnits.FromUnits(5).Plus(ToxinUnits.FromUnits(2)));
        Assert.Contains("is above the maximum of 1000000 U", Assert.Throws<OverflowException>(() => half * 3).Message, StringComparison.Ordinal);
        Assert.Contains("would be negative", Assert.Throws<OverflowException>(() => ToxinUnits.Zero - ToxinUnits.FromHundredths(1)).Message, StringComparison.Ordinal);
        Assert.Contains("must not be negative", Assert.Throws<ArgumentOutOfRangeException>(() => half * -1).Message, StringComparison.Ordinal);
        Assert.Equal(ToxinUnits.FromUnits(9), ToxinUnits.Sum([ToxinUnits.FromUnits(2), ToxinUnits.FromUnits(3), ToxinUnits.FromUnits(4)]));
        Assert.Equal(ToxinUnits.Zero, ToxinUnits.Sum([]));
        Assert.Throws<ArgumentNullException>(() => ToxinUnits.Sum(null!));
    }

    [Fact]
    public void ToxinUnitsCompareAtEquality()
    {
        var a = ToxinUnits.FromUnits(5);
        var same = ToxinUnits.FromHundredths(500);
        var more = ToxinUnits.FromHundredths(501);
        Assert.True(a <= same);
        Assert.True(a >= same);
        Assert.False(a < same);
        Assert.False(a > same);
        Assert.True(a < more);
        Assert.True(more > a);
        Assert.False(more <= a);
        Assert.False(a >= more);
        Assert.True(a == same);
        Assert.False(a != same);
        Assert.True(a != more);
        Assert.Equal(0, a.CompareTo((object)same));
        Assert.Equal(-1, Math.Sign(a.CompareTo((object)more)));
        Assert.Throws<ArgumentException>(() => a.CompareTo("5 U"));
        Assert.True(a.Equals((object)same));
        Assert.False(a.Equals((object)5m));
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.Equal(more, ToxinUnits.Max(a, more));
        Assert.Equal(more, ToxinUnits.Max(more, a));
        Assert.Equal(a, ToxinUnits.Min(a, more));
        Assert.Equal(a, ToxinUnits.Min(more, a));
        Assert.True(ToxinUnits.FromUnits(5).IsWholeUnits);
        Assert.False(ToxinUnits.FromHundredths(501).IsWholeUnits);
    }

    [Fact]
    public void ToxinUnitsTextForms()
    {
        var amount = ToxinUnits.FromUnits(2.5m);
        Assert.Equal("2.5", amount.ToString("N", null));
        Assert.Equal("2.5 U", amount.ToString("G", null));
        Assert.Equal("2.5 U", amount.ToString("", null));
        Assert.Equal("2.5 U", $"{amount}");
        Assert.Contains("'X'", Assert.Throws<FormatException>(() => amount.ToString("X", null)).Message, StringComparison.Ordinal);
        Assert.Equal(ToxinUnits.FromUnits(5), ToxinUnits.Parse("5U"));
        Assert.Equal(ToxinUnits.FromUnits(5), ToxinUnits.Parse("  5 U  "));
        Assert.Equal(ToxinUnits.FromUnits(5), ToxinUnits.Parse("5 U".AsSpan()));
        Assert.True(ToxinUnits.TryParse("5 U".AsSpan(), null, out var fromSpan));
        Assert.Equal(ToxinUnits.FromUnits(5), fromSpan);
        Assert.False(ToxinUnits.TryParse("U", out var none));
        Assert.Equal(ToxinUnits.Zero, none);
        Assert.False(ToxinUnits.TryParse(null, out _));
        Assert.False(ToxinUnits.TryParse(".5", out _));
        Assert.Throws<ArgumentNullException>(() => ToxinUnits.Parse(null!, null));
        Assert.Contains("'abc'", Assert.Throws<FormatException>(() => ToxinUnits.Parse("abc".AsSpan())).Message, StringComparison.Ordinal);

        Span<char> room = stackalloc char[5];
        Assert.True(amount.TryFormat(room, out var written, "G", null));
        Assert.Equal(5, written);
        Assert.Equal("2.5 U", room[..written].ToString());
        Assert.True(amount.TryFormat(room, out written, default, null));
        Assert.Equal("2.5 U", room[..written].ToString());
        Span<char> tight = stackalloc char[4];
        Assert.False(amount.TryFormat(tight, out written, "G", null));
        Assert.Equal(0, written);
        Assert.True(amount.TryFormat(tight, out written, "N", null));
        Assert.Equal("2.5", tight[..written].ToString());
    }

    [Fact]
    public void ToxinUnitsJsonIsANumberOfUnits()
    {
        Assert.Equal("2.5", JsonSerializer.Serialize(ToxinUnits.FromUnits(2.5m)));
        Assert.Equal("5", JsonSerializer.Serialize(ToxinUnits.FromHundredths(500)));
        Assert.Equal(ToxinUnits.FromUnits(2.5m), JsonSerializer.Deserialize<ToxinUnits>("2.50"));
        var negative = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ToxinUnits>("-1"));
        Assert.StartsWith("-1 is not a valid quantity of units: ", negative.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", negative.Message, StringComparison.Ordinal);
        var text = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ToxinUnits>("\"5\""));
        Assert.StartsWith("Expected a number of units, for example 5 or 2.5, not a JSON string.", text.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VolumesAcceptTheirLimitsAndRefuseOneStepPast()
    {
        Assert.Equal(Volume.MaxValue, Volume.FromMillilitres(10_000m));
        Assert.Equal(Volume.MaxValue, Volume.FromMicrolitres(10_000_000));
        Assert.Equal(Volume.Zero, Volume.FromMillilitres(0m));
        Assert.Equal(Volume.Zero, Volume.FromMicrolitres(0));
        Assert.True(Volume.TryFromMillilitres(10_000m, out var max));
        Assert.Equal(10_000_000, max.Microlitres);
        Assert.False(Volume.TryFromMillilitres(10_000.001m, out var past));
        Assert.Equal(Volume.Zero, past);
        Assert.False(Volume.TryFromMillilitres(-0.001m, out _));
        var above = Assert.Throws<ArgumentOutOfRangeException>(() => Volume.FromMicrolitres(10_000_001));
        Assert.Equal("microlitres", above.ParamName);
        Assert.Contains("10000001 microlitres", above.Message, StringComparison.Ordinal);
        Assert.Contains("10000 mL", above.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => Volume.FromMicrolitres(-1));
        var big = Assert.Throws<ArgumentOutOfRangeException>(() => Volume.FromMillilitres(10_000.001m));
        Assert.Equal("millilitres", big.ParamName);
        Assert.Contains("at most 10000 mL; got 10000.001 mL", big.Message, StringComparison.Ordinal);
        Assert.Contains("must not be negative; got -1 mL", Assert.Throws<ArgumentOutOfRangeException>(() => Volume.FromMillilitres(-1m)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VolumeArithmeticComparisonAndText()
    {
        var half = Volume.FromMillilitres(5_000m);
        Assert.Equal(Volume.MaxValue, half + half);
        Assert.Equal(Volume.MaxValue, half.Plus(half));
        Assert.Equal(Volume.Zero, half - half);
        Assert.Equal(Volume.FromMillilitres(4_999.999m), half.Minus(Volume.FromMicrolitres(1)));
        Assert.Contains("is above the maximum of 10000 mL", Assert.Throws<OverflowException>(() => half + half + Volume.FromMicrolitres(1)).Message, StringComparison.Ordinal);
        Assert.Contains("volumes are never negative", Assert.Throws<OverflowException>(() => Volume.Zero - Volume.FromMicrolitres(1)).Message, StringComparison.Ordinal);

        var a = Volume.FromMillilitres(0.1m);
        var same = Volume.FromMicrolitres(100);
        var more = Volume.FromMicrolitres(101);
        Assert.True(a <= same);
        Assert.True(a >= same);
        Assert.False(a < same);
        Assert.False(a > same);
        Assert.True(a < more);
        Assert.True(more > a);
        Assert.False(more <= a);
        Assert.False(a >= more);
        Assert.True(a == same);
        Assert.False(a != same);
        Assert.True(a != more);
        Assert.Equal(0, a.CompareTo((object)same));
        Assert.Equal(1, a.CompareTo(null));
        Assert.Throws<ArgumentException>(() => a.CompareTo("0.1 mL"));
        Assert.True(a.Equals((object)same));
        Assert.False(a.Equals((object)0.1m));
        Assert.Equal(a.GetHashCode(), same.GetHashCode());

        Assert.Equal("0.1", a.ToString("N", null));
        Assert.Equal("0.1 mL", a.ToString("G", null));
        Assert.Equal("0.1 mL", a.ToString("", null));
        Assert.Equal("0 mL", default(Volume).ToString());
        Assert.Contains("'X'", Assert.Throws<FormatException>(() => a.ToString("X", null)).Message, StringComparison.Ordinal);
        Assert.Equal(a, Volume.Parse("  0.1mL "));
        Assert.Equal(a, Volume.Parse("0.1 mL".AsSpan()));
        Assert.True(Volume.TryParse("0.1 mL".AsSpan(), null, out var fromSpan));
        Assert.Equal(a, fromSpan);
        Assert.False(Volume.TryParse("mL", null, out var none));
        Assert.Equal(Volume.Zero, none);
        Assert.False(Volume.TryParse(null, null, out _));
        Assert.False(Volume.TryParse(".1", null, out _));
        Assert.Throws<ArgumentNullException>(() => Volume.Parse(null!, null));
        Assert.Contains("'abc'", Assert.Throws<FormatException>(() => Volume.Parse("abc", null)).Message, StringComparison.Ordinal);

        Span<char> room = stackalloc char[6];
        Assert.True(a.TryFormat(room, out var written, "G", null));
        Assert.Equal("0.1 mL", room[..written].ToString());
        Span<char> tight = stackalloc char[5];
        Assert.False(a.TryFormat(tight, out written, default, null));
        Assert.Equal(0, written);
    }

    [Fact]
    public void ReconstitutionRoundsHalfAStepUpAndLessThanHalfDown()
    {
        // 100 U in 3 mL: 1 uL holds 1/30 U; 15 uL = 0.5 U exactly, 16 uL = 0.5333 U -> 0.53 U,
        // 17 uL = 0.5666 U -> 0.57 U.
        var third = new Reconstitution(ToxinUnits.FromUnits(100), Volume.FromMillilitres(3));
        Assert.Equal(ToxinUnits.FromUnits(0.5m), third.UnitsIn(Volume.FromMicrolitres(15)));
        Assert.Equal(ToxinUnits.FromUnits(0.53m), third.UnitsIn(Volume.FromMicrolitres(16)));
        Assert.Equal(ToxinUnits.FromUnits(0.57m), third.UnitsIn(Volume.FromMicrolitres(17)));
        // 1 U in 2 mL: 10 uL hold exactly half a hundredth (rounded up to 0.01 U), 9 uL 0.45 of one (down to 0).
        var weak = new Reconstitution(ToxinUnits.FromUnits(1), Volume.FromMillilitres(2));
        Assert.Equal(ToxinUnits.FromHundredths(1), weak.UnitsIn(Volume.FromMicrolitres(10)));
        Assert.Equal(ToxinUnits.Zero, weak.UnitsIn(Volume.FromMicrolitres(9)));
        // 200 U in 1 mL: a hundredth is 0.05 uL (rounds to 0); 0.5 U is 2.5 uL (half up to 3), 0.48 U 2.4 uL (down to 2).
        var strong = new Reconstitution(ToxinUnits.FromUnits(200), Volume.FromMillilitres(1));
        Assert.Equal(Volume.FromMicrolitres(3), strong.VolumeFor(ToxinUnits.FromUnits(0.5m)));
        Assert.Equal(Volume.FromMicrolitres(2), strong.VolumeFor(ToxinUnits.FromUnits(0.48m)));
        Assert.Equal(Volume.Zero, strong.VolumeFor(ToxinUnits.FromHundredths(1)));
        Assert.Equal(ToxinUnits.FromUnits(5), Reconstitution.Vial100In2Ml.UnitsPerTenthMillilitre);
        Assert.Equal(50m, Reconstitution.Vial100In2Ml.UnitsPerMillilitre);
    }

    [Fact]
    public void ExactVolumesAreOnlyThoseOfWholeMicrolitresWithinTheRange()
    {
        var strong = new Reconstitution(ToxinUnits.FromUnits(200), Volume.FromMillilitres(1));
        Assert.True(strong.TryGetExactVolume(ToxinUnits.FromUnits(1), out var exact));
        Assert.Equal(Volume.FromMicrolitres(5), exact);
        Assert.False(strong.TryGetExactVolume(ToxinUnits.FromUnits(0.5m), out var none));
        Assert.Equal(Volume.Zero, none);

        // 1 U in 10 mL: 1,000 U would need exactly 10 L (the maximum), 1,000.01 U more.
        var dilute = new Reconstitution(ToxinUnits.FromUnits(1), Volume.FromMillilitres(10));
        Assert.True(dilute.TryGetExactVolume(ToxinUnits.FromUnits(1_000), out var max));
        Assert.Equal(Volume.MaxValue, max);
        Assert.False(dilute.TryGetExactVolume(ToxinUnits.FromUnits(1_000.01m), out _));
    }

    [Fact]
    public void VialsAreRoundedUpOnlyPastAWholeVial()
    {
        var vial = Reconstitution.Vial100In2Ml;
        Assert.Equal(2, vial.VialsFor(ToxinUnits.FromUnits(200)).Vials);
        Assert.Equal(ToxinUnits.Zero, vial.VialsFor(ToxinUnits.FromUnits(200)).UnitsDiscarded);
        var justOver = vial.VialsFor(ToxinUnits.FromUnits(200.01m));
        Assert.Equal(3, justOver.Vials);
        Assert.Equal(ToxinUnits.FromUnits(300), justOver.UnitsOpened);
        Assert.Equal(ToxinUnits.FromUnits(99.99m), justOver.UnitsDiscarded);
        Assert.Equal(0, vial.VialsFor(ToxinUnits.Zero).Vials);
        Assert.Equal(1, vial.VialsFor(ToxinUnits.FromHundredths(1)).Vials);
    }

    [Fact]
    public void ReconstitutionsAreEqualByContentAndNamedInText()
    {
        var a = new Reconstitution(ToxinUnits.FromUnits(100), Volume.FromMillilitres(2));
        Assert.Equal(Reconstitution.Vial100In2Ml, a);
        Assert.True(a.Equals((object)Reconstitution.Vial100In2Ml));
        Assert.Equal(a.GetHashCode(), Reconstitution.Vial100In2Ml.GetHashCode());
        Assert.False(a.Equals(null));
        Assert.False(a.Equals(Reconstitution.Vial200In4Ml));
        Assert.False(a.Equals(new Reconstitution(ToxinUnits.FromUnits(100), Volume.FromMillilitres(4))));
        Assert.Equal("100 U in 2 mL", a.ToString());
        Assert.Equal("200 U in 4 mL", Reconstitution.Vial200In4Ml.ToString());
        Assert.Equal("50 U in 1 mL", Reconstitution.Vial50In1Ml.ToString());
        var empty = Assert.Throws<ArgumentOutOfRangeException>(() => new Reconstitution(ToxinUnits.Zero, Volume.FromMillilitres(2)));
        Assert.Equal("vialUnits", empty.ParamName);
        Assert.Contains("more than 0 U", empty.Message, StringComparison.Ordinal);
        var dry = Assert.Throws<ArgumentOutOfRangeException>(() => new Reconstitution(ToxinUnits.FromUnits(100), Volume.Zero));
        Assert.Equal("diluent", dry.ParamName);
        Assert.Contains("more than 0 mL", dry.Message, StringComparison.Ordinal);
    }
}
