using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Fhir;

public class FhirCodingTests
{
    [Fact]
    public void EqualityIsBySystemCodeAndDisplayNotSource()
    {
        var cited = new FhirCoding("http://snomed.info/sct", "7771000", "Left", new Citation("X", "y", VerificationLevel.Verified));
        Assert.Equal(new FhirCoding("http://snomed.info/sct", "7771000", "Left"), cited);
        Assert.Equal(cited.GetHashCode(), new FhirCoding("http://snomed.info/sct", "7771000", "Left").GetHashCode());
        Assert.NotEqual(new FhirCoding("http://snomed.info/sct", "7771000"), cited);
        Assert.Equal("http://snomed.info/sct|7771000", cited.ToString());
    }

    [Theory]
    [InlineData("snomed", "1")]
    [InlineData("http://snomed.info/ sct", "1")]
    [InlineData("http://snomed.info/sct", "")]
    [InlineData("http://snomed.info/sct", " 1")]
    public void RejectsRelativeSystemsAndBlankOrPaddedCodes(string system, string code) =>
        Assert.Throws<ArgumentException>(() => new FhirCoding(system, code));

    [Fact]
    public void EveryShippedCodeNamesItsSourceAndIsSecondary()
    {
        Assert.Equal(6, FhirTerminology.ShippedCodes.Length);
        Assert.All(FhirTerminology.ShippedCodes, c => Assert.True(c.Source is { IsSecondary: true }, c.ToString()));
        Assert.Equal(["7771000", "24028007", "399488007"], new[] { Laterality.Left, Laterality.Right, Laterality.Midline }.Select(s => FhirTerminology.SnomedLaterality(s).Code));
        Assert.Throws<ArgumentOutOfRangeException>(() => FhirTerminology.SnomedLaterality(default));
    }

    [Fact]
    public void DocsTableListsEveryShippedCode()
    {
        var doc = File.ReadAllText(Path.Combine(Architecture.LayeringTests.RepositoryRoot(), "docs", "fhir.md"));
        Assert.All(FhirTerminology.ShippedCodes, c => Assert.Contains($"`{c.Code}`", doc, StringComparison.Ordinal));
    }
}
