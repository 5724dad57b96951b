using Hl7.Fhir.Model;
using MigraineProtocol.CdsHooks.Tests.TestSupport;
using MigraineProtocol.Fhir.Terminology;
using static MigraineProtocol.CdsHooks.Tests.TestSupport.Fixtures;
using Task = System.Threading.Tasks.Task;

namespace MigraineProtocol.CdsHooks.Tests;

/// <summary>Orders and administrations are recognised by the shipped codes plus the integrator's code map; nothing else is guessed.</summary>
public sealed class CodeMapTests
{
    private const string Formulary = "https://ehr.example.org/formulary";

    private static MedicationRequest Coded(string system, string code)
    {
        var order = ToxinOrder("2026-03-30");
        order.Medication = new CodeableConcept(system, code);
        return order;
    }

    [Fact]
    public async Task An_unknown_code_without_a_toxin_name_is_not_judged()
    {
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([Coded(Formulary, "botox-100")], [Administration("2026-01-29", 155)]));
        Assert.Empty(await CardsResult.ReadAsync(response));
    }

    [Fact]
    public async Task The_integrator_code_map_makes_a_local_code_onabotulinumtoxinA()
    {
        await using var host = await CdsHost.StartAsync(o => o.CodeMap = FhirCodeMap.Verified.WithMedication(new FhirCoding(Formulary, "botox-100", "BOTOX 100 U vial")));
        var response = await host.PostAsync(OrderSign, OrderSignRequest([Coded(Formulary, "botox-100")], [Administration("2026-01-29", 155)]));
        Assert.Equal("retreatment-interval", Assert.Single(await CardsResult.ReadAsync(response)).TopicCode);
    }

    [Fact]
    public async Task Other_toxin_codes_are_configurable()
    {
        await using var host = await CdsHost.StartAsync(o => o.OtherToxinCodes.Add(Formulary + "|xeomin-100"));
        var response = await host.PostAsync(OrderSign, OrderSignRequest([Coded(Formulary, "xeomin-100")], [Administration("2026-01-29", 155)]));
        Assert.Equal("product", Assert.Single(await CardsResult.ReadAsync(response)).TopicCode);
    }

    [Fact]
    public async Task A_configured_reason_code_marks_a_chronic_migraine_session()
    {
        var coded = Administration("2026-01-29", 155, reason: "G43.7");
        coded.ReasonCode = [new CodeableConcept("http://hl7.org/fhir/sid/icd-10", "G43.7")];
        await using (var plain = await CdsHost.StartAsync())
        {
            Assert.Empty(await CardsResult.ReadAsync(await plain.PostAsync(OrderSign, OrderSignRequest([ToxinOrder("2026-03-30")], [coded]))));
        }

        await using var host = await CdsHost.StartAsync(o => o.ChronicMigraineReasonCodes.Add("http://hl7.org/fhir/sid/icd-10|G43.7"));
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder("2026-03-30")], [coded]));
        Assert.Equal("retreatment-interval", Assert.Single(await CardsResult.ReadAsync(response)).TopicCode);
    }

    [Fact]
    public async Task A_dose_in_ucum_enzyme_units_is_not_read_as_toxin_units()
    {
        var ucum = Administration("2026-03-09", 300, reason: "Cervical dystonia");
        ucum.Dosage!.Dose = new Quantity(300, "U", "http://unitsofmeasure.org");
        await using var host = await CdsHost.StartAsync();
        var response = await host.PostAsync(OrderSign, OrderSignRequest([ToxinOrder("2026-03-30")], [Administration("2026-01-05", 155), ucum]));
        var card = Assert.Single(await CardsResult.ReadAsync(response));
        Assert.Equal("cumulative-dose-limit", card.TopicCode);
        Assert.Contains("cannot tell", card.Summary);
    }
}
