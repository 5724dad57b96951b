using MigraineProtocol.Fhir.Mapping;

namespace MigraineProtocol.Tests.Fhir;

public class FhirReferenceTests
{
    [Fact]
    public void HoldsReferenceAndDisplayWithValueEquality()
    {
        var r = new FhirReference("Patient/1", "Jane");
        Assert.Equal(("Patient/1", "Jane"), (r.Reference, r.Display));
        Assert.Equal(new FhirReference("Patient/1", "Jane"), r);
        Assert.NotEqual(new FhirReference("Patient/1"), r);
        Assert.Equal("Patient/1", r.ToString());
    }

    [Fact]
    public void DisplayOnlyHasNoReference()
    {
        var r = FhirReference.DisplayOnly("patient not identified");
        Assert.Null(r.Reference);
        Assert.Equal("patient not identified", r.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Patient 1")]
    [InlineData(" Patient/1")]
    public void RejectsEmptyOrSpacedReferences(string text) => Assert.Throws<ArgumentException>(() => new FhirReference(text));

    [Fact]
    public void RejectsBlankDisplays()
    {
        Assert.Throws<ArgumentException>(() => new FhirReference("Patient/1", " "));
        Assert.Throws<ArgumentException>(() => FhirReference.DisplayOnly(""));
        Assert.Throws<ArgumentNullException>(() => new FhirReference(null!));
    }
}
