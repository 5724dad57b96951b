using MigraineProtocol.Localization;

namespace MigraineProtocol.Tests.Mutation;

/// <summary>
/// The number, sign and date formatting of the report languages at their edges (rounding at a half,
/// negative zero, the clamp of the decimals, the magnitude limit), and the resource table's own checks.
/// </summary>
public class ReportTextEdgeTests
{
    [Theory]
    [InlineData(2.5, 0, "3")]
    [InlineData(-2.5, 0, "-3")]
    [InlineData(0.125, 2, "0.13")]
    [InlineData(-0.004, 2, "0.00")]
    [InlineData(1.23456789, 9, "1.234568")]
    [InlineData(1.6, -1, "2")]
    [InlineData(12, 1, "12.0")]
    public void EnglishNumbersRoundHalfAwayFromZeroAndNeverShowMinusZero(double value, int decimals, string expected) =>
        Assert.Equal(expected, ReportText.English.Number(value, decimals));

    [Fact]
    public void GermanNumbersUseACommaAndSignsFollowTheValue()
    {
        Assert.Equal("1,50", ReportText.German.Number(1.5m, 2));
        Assert.Equal("0,00", ReportText.German.Number(-0.001m, 2));
        Assert.Equal("+1,5", ReportText.German.Signed(1.5, 1));
        Assert.Equal("0,0", ReportText.German.Signed(0.01, 1));
        Assert.Equal("-1,5", ReportText.German.Signed(-1.5, 1));
        Assert.Equal("0", ReportText.English.Signed(0, 0));
        Assert.Equal("+1", ReportText.English.Signed(0.5, 0));
        Assert.Equal("-2.0", ReportText.English.Signed(-2, 1));
        Assert.Equal("100%", ReportText.English.Percent(1, 0));
        Assert.Equal("0 %", ReportText.German.Percent(0, 0));
        Assert.Equal("42", ReportText.German.Count(42));
        Assert.Equal("-3", ReportText.English.Count(-3));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e15)]
    [InlineData(-1e15)]
    public void NumbersBeyondTheFormattableRangeAreRefused(double value) =>
        Assert.Equal("value", Assert.Throws<ArgumentOutOfRangeException>(() => ReportText.English.Number(value, 1)).ParamName);

    [Fact]
    public void TheLargestFormattableNumberIsFormatted() =>
        Assert.Equal("999999999999999", ReportText.English.Number(999_999_999_999_999d, 0));

    [Fact]
    public void DatesSpellTheMonthOrUseDayFirstDigits()
    {
        Assert.Equal("31 Dec 1999", ReportText.English.Date(new DateOnly(1999, 12, 31)));
        Assert.Equal("1 Oct 2026", ReportText.English.Date(new DateOnly(2026, 10, 1)));
        Assert.Equal("31.12.1999", ReportText.German.Date(new DateOnly(1999, 12, 31)));
    }

    [Fact]
    public void LanguagesAreNamedByTheirCodeAndMissingTextIsNamed()
    {
        Assert.Equal("en", ReportText.English.Code);
        Assert.Equal("de", ReportText.German.ToString());
        Assert.Equal([ReportText.English, ReportText.German], ReportText.All);
        Assert.True(ReportText.TryGet("en", out var en));
        Assert.Same(ReportText.English, en);
        Assert.False(ReportText.TryGet(null, out var none));
        Assert.Null(none);
        Assert.False(ReportText.TryGet("EN", out _));
        Assert.Contains("'no.such.key'", Assert.Throws<KeyNotFoundException>(() => ReportText.German["no.such.key"]).Message, StringComparison.Ordinal);
        Assert.Contains("'no.such.key'", Assert.Throws<KeyNotFoundException>(() => ReportText.GermanSource("no.such.key")).Message, StringComparison.Ordinal);
        Assert.Equal("translation", ReportText.GermanSource("month.3"));
        Assert.Equal("Mär", ReportText.German["month.3"]);
        Assert.Equal("Mar", ReportText.English.TryText("month.3"));
        Assert.Null(ReportText.English.TryText("no.such.key"));
        Assert.Equal("format.decimal-separator", ReportText.Keys[0]);
        Assert.Equal("7 %", ReportText.German.Format("format.percent", "7"));
    }
}
