using MigraineProtocol.Input;
// FHIR POCOs are nullable throughout; these tests assert on exported Bundles whose shape they check.
#nullable disable warnings

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Hl7.Fhir.Model;
using MigraineProtocol.Definitions;
using MigraineProtocol.Diaries;
using MigraineProtocol.Dosing;
using MigraineProtocol.Fhir.Diaries;
using MigraineProtocol.Fhir.Mapping;
using MigraineProtocol.Fhir.Terminology;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;
using MigraineProtocol.Tests.Arbitraries;
using static MigraineProtocol.Fhir.Terminology.FhirTerminology;

namespace MigraineProtocol.Tests.Fhir;

public class SessionFhirMapperTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly FhirReference Patient = new("Patient/123", "Jane Q. Patient");
    private static readonly FhirReference Doctor = new("Practitioner/7");

    internal static TreatmentSession FullSession() =>
        TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day)
            .WithInjections([
                .. TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day).Injections,
                Injection.FollowThePain(MuscleId.From("temporalis"), Laterality.Right, ToxinUnits.FromUnits(5)),
                Injection.FollowThePain(MuscleId.From("temporalis"), Laterality.Right, ToxinUnits.FromUnits(5)),
                new Injection(SiteId.From("nasalis-left-1"), ToxinUnits.FromUnits(2.5m)),
            ]) is var s
            ? new TreatmentSession(s.Date, s.Injections, "BOTOX", "C1234", new DateOnly(2027, 1, 31), Reconstitution.Vial100In2Ml).WithVialsOpened(2)
            : throw new InvalidOperationException();

    internal static DiaryPeriodCounts[] Periods() =>
        [new(new DateOnly(2026, 1, 5), new DateOnly(2026, 2, 1), 27, 18, 11), new(new DateOnly(2026, 2, 2), new DateOnly(2026, 3, 1), 0, 0, 0)];

    private static Bundle Export(TreatmentSession? session = null, FhirExportOptions? options = null, IEnumerable<DiaryPeriodCounts>? periods = null) =>
        SessionFhirMapper.ToBundle(session ?? FullSession(), options ?? new FhirExportOptions(Patient, Doctor), periods ?? Periods());

    private static List<T> All<T>(Bundle b) => [.. b.Entry.Select(e => e.Resource).OfType<T>()];

    [Fact]
    public void ExportsOneProcedureOneMedicationAStructurePerSiteAnAdministrationPerInjectionAndTwoObservationsPerPeriod()
    {
        var b = Export();
        Assert.Equal(Bundle.BundleType.Transaction, b.Type);
        Assert.Single(All<Procedure>(b));
        Assert.Single(All<Medication>(b));
        Assert.Equal(31 + 1, All<BodyStructure>(b).Count);               // nasalis-left-1 is unknown: no structure
        Assert.Equal(34, All<MedicationAdministration>(b).Count);
        Assert.Equal(4, All<Observation>(b).Count);
        Assert.All(b.Entry, e => Assert.StartsWith("urn:uuid:", e.FullUrl, StringComparison.Ordinal));
        Assert.All(b.Entry, e => Assert.Equal((Bundle.HTTPVerb.POST, e.Resource.TypeName), (e.Request.Method!.Value, e.Request.Url)));
        Assert.Equal(b.Entry.Count, b.Entry.Select(e => e.FullUrl).Distinct().Count());
    }

    [Fact]
    public void ProcedureCarriesCpt64615ThePatientThePerformerAndTheDate()
    {
        var p = All<Procedure>(Export()).Single();
        Assert.Equal(EventStatus.Completed, p.Status);
        Assert.Contains(p.Code.Coding, c => c.System == "http://www.ama-assn.org/go/cpt" && c.Code == "64615");
        Assert.Contains(p.Code.Coding, c => c.System == ProcedureSystem && c.Code == ChemodenervationCode);
        Assert.Equal(("Patient/123", "Jane Q. Patient"), (p.Subject.Reference, p.Subject.Display));
        Assert.Equal("Practitioner/7", p.Performer.Single().Actor.Reference);
        Assert.Equal("2026-03-02", ((FhirDateTime)p.Performed).Value);
    }

    [Fact]
    public void VialsOpenedTravelsAsTheLibrarysExtensionOnTheProcedure()
    {
        var b = Export();
        var p = All<Procedure>(b).Single();
        var extension = Assert.Single(p.Extension);
        Assert.Equal(VialsOpenedExtension, extension.Url);
        Assert.Equal(2, Assert.IsType<UnsignedInt>(extension.Value).Value);
        Assert.Equal(2, SessionFhirMapper.FromBundle(b, "b").Session.VialsOpened);
        Assert.Contains("\"valueUnsignedInt\": 2", FhirJson.Serialize(b), StringComparison.Ordinal);

        var none = Export(FullSession().WithVialsOpened(null));
        Assert.Empty(All<Procedure>(none).Single().Extension);
        Assert.Null(SessionFhirMapper.FromBundle(none, "b").Session.VialsOpened);
        Assert.Equal(0, SessionFhirMapper.FromBundle(Export(FullSession().WithVialsOpened(0)), "b").Session.VialsOpened);
    }

    [Fact]
    public void ImportRejectsAVialsOpenedExtensionThatIsNotAnUnsignedIntAndRepeatedOnes()
    {
        var b = Export();
        All<Procedure>(b).Single().Extension[0].Value = new FhirString("two");
        var problem = Text(Assert.Single(Assert.Throws<InputException>(() => SessionFhirMapper.FromBundle(b, "b")).Problems));
        Assert.Equal("Bundle.entry[0].resource.extension[0].value: expected the number of vials opened as valueUnsignedInt (0 or more), found string", problem);

        var twice = Export();
        All<Procedure>(twice).Single().Extension.Add(new Extension(VialsOpenedExtension, new UnsignedInt(3)));
        Assert.Contains("Bundle.entry[0].resource.extension: expected at most one", Text(Assert.Single(Assert.Throws<InputException>(() => SessionFhirMapper.FromBundle(twice, "b")).Problems)), StringComparison.Ordinal);
    }

    [Fact]
    public void DiaryPeriodsOfARealDiaryValidateAndComeBackOnImport()
    {
        var diary = DiaryArbitraries.Build(new DateOnly(2026, 1, 5), 100, recordedRate: 90, headacheRate: 60, migraineRate: 50, medicationRate: 30, seed: 7);
        foreach (var kind in new[] { PeriodKind.TwentyEightDays, PeriodKind.CalendarMonth })
        {
            var periods = DiaryPeriodCounts.FromDiary(diary, kind);
            Assert.Equal(diary.Periods(kind).Length, periods.Length);
            var b = Export(periods: periods);
            Assert.Equal(2 * periods.Length, All<Observation>(b).Count);
            Assert.Empty(FhirValidation.ErrorsOfBundleAndEntries(b));
            Assert.Equal(periods, SessionFhirMapper.Read(FhirJson.Serialize(b), "b").DiaryPeriods);
        }
    }

    [Fact]
    public void MedicationHasProductLotExpiryAndReconstitutionAsIngredientStrength()
    {
        var m = All<Medication>(Export()).Single();
        Assert.Equal("BOTOX", m.Code.Text);
        Assert.Contains(m.Code.Coding, c => c.System == HcpcsSystem && c.Code == "J0585");
        Assert.Equal(("C1234", "2027-01-31"), (m.Batch.LotNumber, m.Batch.ExpirationDate));
        var strength = m.Ingredient.Single().Strength;
        Assert.Equal((100m, ToxinUnitSystem, ToxinUnitCode), (strength.Numerator.Value, strength.Numerator.System, strength.Numerator.Code));
        Assert.Equal((2m, UcumSystem, "mL"), (strength.Denominator.Value, strength.Denominator.System, strength.Denominator.Code));
    }

    [Fact]
    public void MedicationWithoutLotExpiryOrReconstitutionHasNoBatchOrStrength()
    {
        var m = All<Medication>(Export(TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day))).Single();
        Assert.Null(m.Batch);
        Assert.Null(m.Ingredient.Single().Strength);
        Assert.Null(m.Code.Text);
    }

    [Fact]
    public void AnotherToxinIsNotCodedAsOnabotulinumtoxinA()
    {
        var m = All<Medication>(Export(TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day).WithProduct("Dysport"))).Single();
        Assert.DoesNotContain(m.Code.Coding, c => c.Code == "J0585");
        Assert.Equal("Dysport", m.Code.Text);
        Assert.Equal("Dysport", m.Ingredient.Single().Item is CodeableConcept cc ? cc.Text : null);
        var botox = All<Medication>(Export(TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day).WithProduct("BOTOX"))).Single();
        Assert.Contains(botox.Code.Coding, c => c.Code == "J0585");
    }

    [Fact]
    public void DoseIsInTheLibrarysToxinUnitNeverUcumU()
    {
        var doses = All<MedicationAdministration>(Export()).Select(a => a.Dosage.Dose).ToList();
        Assert.All(doses, d => Assert.Equal((ToxinUnitSystem, ToxinUnitCode, "U"), (d.System, d.Code, d.Unit)));
        Assert.DoesNotContain(doses, d => d.System == UcumSystem);
        Assert.Equal(155m + 12.5m, doses.Sum(d => d.Value!.Value));
    }

    [Fact]
    public void SiteCarriesItsIdAndPointsAtABodyStructureWithMuscleAndLaterality()
    {
        var b = Export();
        var a = All<MedicationAdministration>(b).First(x => x.Dosage.Site.Coding.Any(c => c.Code == "temporalis-left-1"));
        Assert.Equal("Temporalis, left, site 1", a.Dosage.Site.Text);
        var target = ((ResourceReference)a.Dosage.Site.GetExtension(BodySiteExtension).Value).Reference;
        var structure = (BodyStructure)b.Entry.Single(e => e.FullUrl == target).Resource;
        Assert.Contains(structure.Location.Coding, c => c.System == SnomedSystem && c.Code == "52927003");
        Assert.Contains(structure.Location.Coding, c => c.System == MuscleSystem && c.Code == "temporalis");
        Assert.Contains(structure.LocationQualifier.Single().Coding, c => c.System == SnomedSystem && c.Code == "7771000");
        Assert.Equal("Patient/123", structure.Patient.Reference);
    }

    [Fact]
    public void ProcerusIsMidlineAndFollowThePainSitesShareOneStructure()
    {
        var b = Export();
        var structures = All<BodyStructure>(b);
        var procerus = structures.Single(s => s.Identifier.Single().Value == "procerus");
        Assert.Contains(procerus.LocationQualifier.Single().Coding, c => c.Code == "399488007");
        var ftp = structures.Single(s => s.Identifier.Single().Value == "temporalis-right-ftp");
        Assert.Equal("Temporalis, right, follow-the-pain", ftp.Description);
        Assert.Contains(ftp.LocationQualifier.Single().Coding, c => c.Code == "24028007");
    }

    [Fact]
    public void UnknownSiteIsSentAsItsIdWithoutAStructure()
    {
        var a = All<MedicationAdministration>(Export()).Single(x => x.Dosage.Site.Coding.Any(c => c.Code == "nasalis-left-1"));
        Assert.Null(a.Dosage.Site.GetExtension(BodySiteExtension));
        Assert.Equal("nasalis-left-1", a.Dosage.Site.Text);
    }

    [Fact]
    public void ObservationsCarryThePeriodTheCountDaysRecordedAndTheRatePer28Days()
    {
        var o = All<Observation>(Export());
        var headache = o[0];
        Assert.Contains(headache.Code.Coding, c => c.System == DiaryMeasureSystem && c.Code == HeadacheDaysCode);
        Assert.Equal(("2026-01-05", "2026-02-01"), (((Period)headache.Effective).Start, ((Period)headache.Effective).End));
        Assert.Equal((18m, UcumSystem, "d"), (((Quantity)headache.Value).Value, ((Quantity)headache.Value).System, ((Quantity)headache.Value).Code));
        Assert.Equal(27m, ((Quantity)headache.Component.Single(c => c.Code.Coding[0].Code == DaysRecordedCode).Value).Value);
        Assert.Equal(18.7m, ((Quantity)headache.Component.Single(c => c.Code.Coding[0].Code == PerTwentyEightDaysCode).Value).Value);
        Assert.Contains(o[1].Code.Coding, c => c.Code == MigraineDaysCode);
        Assert.DoesNotContain(o[2].Component, c => c.Code.Coding[0].Code == PerTwentyEightDaysCode);   // nothing recorded: no rate
    }

    [Fact]
    public void SameInputGivesTheSameBytesAndAnotherPatientOtherIds()
    {
        var a = FhirJson.Serialize(Export());
        Assert.Equal(a, FhirJson.Serialize(Export()));
        Assert.DoesNotContain("\r", a, StringComparison.Ordinal);
        var other = Export(options: new FhirExportOptions(new FhirReference("Patient/124"), Doctor));
        Assert.Empty(Export().Entry.Select(e => e.FullUrl).Intersect(other.Entry.Select(e => e.FullUrl)));
    }

    [Fact]
    public void CodeMapAddsIntegratorCodesAndEmptyMapSendsOnlyTheLibrarysOwn()
    {
        var map = FhirCodeMap.Empty.WithMuscle(MuscleId.From("trapezius"), new FhirCoding(SnomedSystem, "999999", "Integrator trapezius"))
            .WithSite(SiteId.From("procerus"), new FhirCoding("urn:example:sites", "P1"));
        var b = Export(options: new FhirExportOptions(Patient, codeMap: map, kind: FhirBundleKind.Collection));
        Assert.Equal(Bundle.BundleType.Collection, b.Type);
        Assert.All(b.Entry, e => Assert.Null(e.Request));
        Assert.DoesNotContain(All<Procedure>(b).Single().Code.Coding, c => c.System == CptSystem);
        Assert.Contains(All<BodyStructure>(b), s => s.Location.Coding.Any(c => c.Code == "999999"));
        Assert.Contains(All<MedicationAdministration>(b), a => a.Dosage.Site.Coding.Any(c => c.Code == "P1"));
        Assert.Equal(FullSession(), SessionFhirMapper.FromBundle(b, "b").Session);
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(FhirArbitraries)])]
    public void RoundTripBundleToSessionToBundleKeepsEveryField(FhirCase c)
    {
        var json = FhirJson.Serialize(SessionFhirMapper.ToBundle(c.Session, c.Options, c.Periods));
        var record = SessionFhirMapper.Read(json, "b");
        Assert.Equal(c.Session, record.Session);
        Assert.Equal(c.Periods, record.DiaryPeriods);
        Assert.Equal((c.Options.Patient, c.Options.Performer, c.Options.Kind), (record.Patient, record.Performer, record.Kind));
        var again = FhirJson.Serialize(SessionFhirMapper.ToBundle(record.Session, record.ToExportOptions(), record.DiaryPeriods));
        Assert.Equal(json, again);
    }

    [Property(MaxTest = 8, Arbitrary = [typeof(FhirArbitraries)])]
    public void EveryExportedResourceValidatesAgainstBaseR4(FhirCase c) =>
        Assert.Empty(FhirValidation.ErrorsOfBundleAndEntries(SessionFhirMapper.ToBundle(c.Session, c.Options, c.Periods)));

    [Fact]
    public void TheFullExampleValidatesAgainstBaseR4WithNoErrors()
    {
        Assert.Empty(FhirValidation.ErrorsOfBundleAndEntries(Export()));
        Assert.Empty(FhirValidation.ErrorsOfBundleAndEntries(Export(TreatmentSession.FromProtocol(KnownProtocols.Preempt, Day), new FhirExportOptions(Patient, kind: FhirBundleKind.Collection), [])));
    }

    [Fact]
    public void TheValidatorDoesReportErrors()
    {
        var b = Export();
        All<MedicationAdministration>(b)[0].Status = null;
        Assert.Contains(FhirValidation.ErrorsOfBundleAndEntries(b), e => e.Contains("status", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportRejectsUcumEnzymeUnitsAndNamesThePath()
    {
        var b = Export();
        var dose = All<MedicationAdministration>(b)[2].Dosage.Dose;
        (dose.System, dose.Code) = (UcumSystem, "U");
        var index = b.Entry.FindIndex(e => ReferenceEquals(e.Resource, All<MedicationAdministration>(b)[2]));
        var e = Assert.Throws<InputException>(() => SessionFhirMapper.FromBundle(b, "b"));
        Assert.Equal($"Bundle.entry[{index}].resource.dosage.dose: expected onabotulinumtoxinA units ({ToxinUnitSystem}|{ToxinUnitCode}); UCUM 'U' is an enzyme unit, not a toxin unit", Text(Assert.Single(e.Problems)));
    }

    [Fact]
    public void ImportReportsEveryProblemAtOnce()
    {
        var b = Export();
        ((Procedure)b.Entry[0].Resource).Performed = new FhirDateTime("2026-03-02T10:00:00Z");
        All<MedicationAdministration>(b)[0].Dosage.Site.Coding.Clear();
        All<MedicationAdministration>(b)[1].Dosage.Dose.Value = 2.345m;
        b.Entry.Remove(b.Entry.Last());
        Assert.False(SessionFhirMapper.TryFromBundle(b, "b", out var record, out var found));
        Assert.Null(record);
        var problems = found.Select(Text).ToList();
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Bundle.entry[0].resource.performedDateTime: expected a date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains(".dosage.site: expected a site id", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'2.345' is not a dose", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("found 2 and 1", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportNeedsTheSessionProcedure()
    {
        var e = Assert.Throws<InputException>(() => SessionFhirMapper.FromBundle(new Bundle { Type = Bundle.BundleType.Searchset }, "b"));
        Assert.Equal(2, e.Problems.Length);
        Assert.StartsWith("Bundle.type: expected 'transaction' or 'collection'", Text(e.Problems[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseReportsJsonAndFhirErrors()
    {
        var problem = Assert.Single(Assert.Throws<InputException>(() => FhirJson.Read("{\"resourceType\": ", "b.json")).Problems);
        Assert.Equal(("b.json", 1, 18, InputProblemCodes.JsonSyntax), (problem.Source, problem.Line, problem.Column, problem.Code));
        Assert.DoesNotContain("LineNumber", problem.Message, StringComparison.Ordinal);
        Assert.Contains("expected a Bundle, found 'Patient'", Assert.Throws<InputException>(() => FhirJson.Read("{\"resourceType\": \"Patient\", \"id\": \"p1\"}", "b.json")).Message, StringComparison.Ordinal);
        Assert.NotEmpty(Assert.Throws<InputException>(() => FhirJson.Read("{\"resourceType\": \"Bundle\", \"type\": \"nonsense\"}", "b.json")).Problems);
    }

    private static string Text(InputProblem p) => $"{p.Location}: {p.Message}";

    /// <summary>Firely's own messages quote the input's value raw; a line break in a code reaches the problem
    /// escaped (a fuzz finding: tests/MigraineProtocol.Fuzz/findings/fhir/firely-message-with-a-raw-line-break.json).</summary>
    [Fact]
    public void AFirelyMessageEchoesAValueWithALineBreakEscaped()
    {
        const string Json = """{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Procedure","status":"compl\neted","subject":{"reference":"Patient/1"}}}]}""";
        Assert.False(FhirJson.TryRead(Json, "b.json", out _, out var problems));
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.DoesNotContain(p.Message, c => char.IsControl(c)));
        Assert.Contains(problems, p => p.Message.Contains("compl\\neted", StringComparison.Ordinal));
    }
}
