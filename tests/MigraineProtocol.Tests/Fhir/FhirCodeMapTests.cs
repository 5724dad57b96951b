using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Tests.Fhir;

public class FhirCodeMapTests
{
    private static readonly FhirCoding Code = new("http://snomed.info/sct", "123", "x");

    [Fact]
    public void VerifiedHoldsTheShippedCodesAndEmptyNone()
    {
        Assert.Equal([FhirTerminology.Cpt64615], FhirCodeMap.Verified.ForProcedure());
        Assert.Equal([FhirTerminology.HcpcsJ0585], FhirCodeMap.Verified.ForMedication());
        Assert.Equal([FhirTerminology.SnomedTemporalis], FhirCodeMap.Verified.ForMuscle(MuscleId.From("temporalis")));
        Assert.Empty(FhirCodeMap.Verified.ForMuscle(MuscleId.From("trapezius")));
        Assert.Empty(FhirCodeMap.Empty.ForProcedure());
    }

    [Fact]
    public void WithReturnsANewMapAndLeavesTheOldOne()
    {
        var map = FhirCodeMap.Empty.WithSite(SiteId.From("procerus"), Code).WithMuscle(MuscleId.From("procerus"), Code).WithProcedure(Code).WithMedication(Code);
        Assert.Equal([Code], map.ForSite(SiteId.From("procerus")));
        Assert.Equal([Code], map.ForMuscle(MuscleId.From("procerus")));
        Assert.Equal([Code], map.ForProcedure());
        Assert.Equal([Code], map.ForMedication());
        Assert.Empty(FhirCodeMap.Empty.ForSite(SiteId.From("procerus")));
    }

    [Fact]
    public void RejectsDuplicatesOwnSystemsAndDefaultIds()
    {
        Assert.Throws<ArgumentException>(() => FhirCodeMap.Empty.WithProcedure(Code).WithProcedure(Code));
        Assert.Throws<ArgumentException>(() => FhirCodeMap.Empty.WithProcedure(new FhirCoding(FhirTerminology.ProcedureSystem, "x")));
        Assert.Throws<ArgumentException>(() => FhirCodeMap.Empty.WithMuscle(default, Code));
        Assert.Throws<ArgumentException>(() => FhirCodeMap.Empty.WithSite(default, Code));
        Assert.Throws<ArgumentNullException>(() => FhirCodeMap.Empty.WithMedication(null!));
    }
}
