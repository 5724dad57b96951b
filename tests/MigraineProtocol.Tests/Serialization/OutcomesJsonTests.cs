using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Primitives;
using MigraineProtocol.Serialization;
using MigraineProtocol.Tests.Cli;
using MigraineProtocol.Tests.Outcomes;

namespace MigraineProtocol.Tests.Serialization;

/// <summary>The outcomes and adverse-event JSON of the library (the bytes the tool prints) and ADR 0070's rounding rule.</summary>
public sealed class OutcomesJsonTests
{
    private static CohortOutcomes Example() =>
        CohortOutcomes.Summarize(OutcomeCohortCsv.Read(File.ReadAllText(ReferenceData.PathOf("outcomes-cohort.csv")), "outcomes-cohort.csv"), ResponderThreshold.Percent50, 0.95);

    [Theory]
    [InlineData(0.5, "0.5")]
    [InlineData(-12.928541401983852, "-12.928541")]
    [InlineData(0.42320360253322481, "0.423204")]
    [InlineData(0.0000005, "0.000001")]
    [InlineData(-0.0000005, "-0.000001")]
    [InlineData(0.0000015, "0.000002")]
    [InlineData(0.00000049999, "0")]
    [InlineData(2.0, "2")]
    [InlineData(1e20, "100000000000000000000")]
    public void RoundsToSixPlacesHalfAwayFromZeroWithoutTrailingZeros(double value, string expected) =>
        Assert.Equal(expected, OutcomesJson.Round(value).ToString(CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(8e28)]
    public void NonFiniteOrHugeValuesAreRefused(double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => OutcomesJson.Round(value));
        Assert.Equal("value", e.ParamName);
    }

    [Property]
    public Property RoundingIsWithinHalfAUnitOfTheSixthPlaceOddAndIdempotent(int units, int micro)
    {
        var value = units + (micro / 1e7); // up to 2^31 days and seven decimals: both sides of every sixth-place midpoint
        var rounded = OutcomesJson.Round(value);
        var text = rounded.ToString(CultureInfo.InvariantCulture);
        return (Math.Abs(rounded - (decimal)value) <= 0.0000005m
                && rounded.Scale <= OutcomesJson.Decimals
                && (!text.Contains('.', StringComparison.Ordinal) || !text.EndsWith('0'))
                && OutcomesJson.Round(-value) == -rounded
                && OutcomesJson.Round((double)rounded) == rounded)
            .Label($"{value:R} -> {text}");
    }

    [Fact]
    public void TheOutcomesJsonIsWhatTheToolPrints()
    {
        var compared = Example().Compare("onabotulinumtoxinA", "placebo");
        Assert.Equal(GoldenOutputTests.Stdout("outcomes-json-compare"), OutcomesJson.Write(compared) + "\n");
        Assert.Equal(GoldenOutputTests.Stdout("outcomes-json"), OutcomesJson.Write(Example()) + "\n");
    }

    [Fact]
    public void EveryNumberHasAtMostSixDecimals()
    {
        var cohort = OutcomeCohortCsv.Read(File.ReadAllText(ReferenceData.PathOf("outcomes-cohort.csv")), "c.csv");
        var json = OutcomesJson.Write(CohortOutcomes.Summarize(cohort, ResponderThreshold.FromPercent(33.3333333), 0.9, IntervalMethod.ClopperPearson).Compare("placebo", "onabotulinumtoxinA"));
        using var doc = JsonDocument.Parse(json);
        var numbers = Numbers(doc.RootElement).ToList();
        Assert.True(numbers.Count > 20);
        Assert.All(numbers, n => Assert.True(!n.Contains('.', StringComparison.Ordinal) || n.Length - n.IndexOf('.', StringComparison.Ordinal) - 1 <= 6, n));
        Assert.Equal("0.333333", doc.RootElement.GetProperty("threshold").GetRawText());
        Assert.Equal("clopper-pearson", doc.RootElement.GetProperty("arms")[0].GetProperty("responderRateCi").GetProperty("method").GetString());
        Assert.Equal("altman", doc.RootElement.GetProperty("comparison").GetProperty("numberNeededToTreatCi").GetProperty("method").GetString());
    }

    [Fact]
    public void TheAdverseEventJsonIsWhatTheToolPrints()
    {
        var cohort = AdverseEventCohort.FromArms(OutcomeCohortCsv.Read(File.ReadAllText(ReferenceData.PathOf("outcomes-cohort.csv")), "c.csv"));
        foreach (var e in AdverseEventCsv.Read(File.ReadAllText(ReferenceData.PathOf("adverse-events.csv")), "e.csv", cohort))
        {
            cohort.AddEvent(e.PatientId, MigraineProtocol.Sessions.AdverseEventTerms.Code(e.Term));
        }

        var json = OutcomesJson.WriteAdverseEvents(0.9, cohort.AddPublishedTerms().Rates(0.9));
        Assert.Equal(GoldenOutputTests.Stdout("adverse-events-json"), json + "\n");
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(PublishedAdverseEventRates.All.Count, doc.RootElement.GetProperty("published").GetArrayLength());
    }

    private static IEnumerable<string> Numbers(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => [e.GetRawText()],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Numbers(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Numbers),
        _ => [],
    };
}
