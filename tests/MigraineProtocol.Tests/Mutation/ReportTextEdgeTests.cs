using System.Reflection;
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
    public void NumbersBeyondTheFormattableRangeAreRefused(double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ReportText.English.Number(value, 1));
        Assert.Equal("value", e.ParamName);
        Assert.StartsWith("A number to format is finite and below 1e15 in magnitude.", e.Message, StringComparison.Ordinal);
    }

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

    /// <summary>
    /// The resource table's parser (private to <see cref="ReportText"/>, reached by reflection: its only input
    /// is the embedded strings.tsv) refuses a malformed row or a repeated key naming the line, so a contributor
    /// who breaks strings.tsv is told where; the header line, blank lines and comments are skipped.
    /// </summary>
    [Theory]
    [InlineData("key\ten\tde\tsource\n# comment\n\na\tA\tÄ\ttranslation\nb\tB\tB", "strings.tsv:5: a row has 4 non-empty tab-separated fields (key, en, de, de-source).")]
    [InlineData("key\ten\tde\tsource\na\tA\t\ttranslation", "strings.tsv:2: a row has 4 non-empty tab-separated fields (key, en, de, de-source).")]
    [InlineData("key\ten\tde\tsource\na\tA\tÄ\ttranslation\tmore", "strings.tsv:2: a row has 4 non-empty tab-separated fields (key, en, de, de-source).")]
    [InlineData("key\ten\tde\tsource\na\tA\tÄ\ttranslation\n# a\na\tA2\tÄ2\ttranslation", "strings.tsv:4: the key 'a' is repeated.")]
    public void AMalformedResourceTableIsRefusedNamingTheLine(string table, string message)
    {
        var e = Assert.IsType<InvalidOperationException>(Record.Exception(() => ParseTable(table)));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void AWellFormedResourceTableParses()
    {
        var table = ParseTable("key\ten\tde\tsource\n# comment\n\na\tA\tÄ\ttranslation\nb\tB\tB\tsame")!;
        Assert.Equal(["a", "b"], (IReadOnlyList<string>)table.GetType().GetProperty("Keys", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(table)!);
    }

    private static object? ParseTable(string text) =>
        typeof(ReportText).GetNestedType("Table", BindingFlags.NonPublic)!
            .GetMethod("Parse", BindingFlags.NonPublic | BindingFlags.Static)!
            .Invoke(null, BindingFlags.DoNotWrapExceptions, null, [new StringReader(text)], null);
}
