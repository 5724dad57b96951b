using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MigraineProtocol.Input;
using MigraineProtocol.Outcomes;
using MigraineProtocol.Serialization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Tests.Serialization;

public sealed class AdverseEventCsvTests
{
    private static AdverseEventCohort TwoPatients() => new AdverseEventCohort().AddPatient("P001", "a").AddPatient("P002", "b");

    [Fact]
    public void ReadsRowsInFileOrderWithTermsAndLines()
    {
        var events = AdverseEventCsv.Read("patient_id,term\nP001,neck-pain\nP002,dysphagia\nP001,neck-pain\n", "e.csv", TwoPatients());
        Assert.Equal(["P001 neck-pain", "P002 dysphagia", "P001 neck-pain"], events.Select(e => e.ToString()));
        Assert.Equal([AdverseEventTerm.NeckPain, AdverseEventTerm.Dysphagia, AdverseEventTerm.NeckPain], events.Select(e => e.Term));
        Assert.Equal([2, 3, 4], events.Select(e => e.Line));
    }

    [Fact]
    public void BomCrlfQuotedFieldsAndHeadersInAnyCaseAndOrderRead()
    {
        var events = AdverseEventCsv.Read("\uFEFFTERM,Patient_ID\r\n\"neck-pain\",\"P,1 \"\"x\"\"\"\r\n\r\nother,P2\r\n", "e.csv");
        Assert.Equal(["P,1 \"x\"", "P2"], events.Select(e => e.PatientId));
        Assert.Equal([AdverseEventTerm.NeckPain, AdverseEventTerm.Other], events.Select(e => e.Term));
        Assert.Equal([2, 4], events.Select(e => e.Line));
    }

    [Fact]
    public void OnlyTheHeaderIsNoEvents()
    {
        Assert.True(AdverseEventCsv.TryRead("patient_id,term\r\n", "e.csv", out var events, out var problems));
        Assert.Empty(events);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("", "e.csv:1:1: the adverse-event file is empty; expected the header 'patient_id,term'.")]
    [InlineData("\uFEFF\r\n", "e.csv:1:1: the adverse-event file is empty; expected the header 'patient_id,term'.")]
    [InlineData("patient_id\nP001\n", "e.csv:1:1: term: missing column 'term'; the header is 'patient_id,term'.")]
    [InlineData("patient_id,term,x\nP001,neck-pain,1\n", "e.csv:1:17: unknown column 'x'; the header is 'patient_id,term'.")]
    [InlineData("patient_id,term\nP001,inflammation\n", "e.csv:2:6: term: 'inflammation' is not an adverse-event term; use one of")]
    [InlineData("patient_id,term\nP009,neck-pain\n", "e.csv:2:1: patient_id: patient_id 'P009' is not in the cohort.")]
    [InlineData("patient_id,term\n,neck-pain\n", "e.csv:2:1: patient_id: the patient id is empty.")]
    [InlineData("patient_id,term\nP001,neck-pain,3\n", "e.csv:2:1: expected 2 fields as in the header, found 3.")]
    [InlineData("patient_id,term\nP001,\"neck-pain\n", "e.csv:2:6: a quoted field is not closed")]
    public void BadFilesGiveOneProblemNamingTheLineColumnAndColumnName(string text, string expected)
    {
        Assert.False(AdverseEventCsv.TryRead(text, "e.csv", TwoPatients(), out var events, out var problems));
        Assert.Empty(events);
        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryBadRowIsReportedAndReadThrowsInputException()
    {
        const string Text = "patient_id,term\nP001,rash\nP009,neck-pain\nP002,other\n";
        var ex = Assert.Throws<InputException>(() => AdverseEventCsv.Read(Text, "e.csv", TwoPatients()));
        Assert.Equal([(2, "term"), (3, "patient_id")], ex.Problems.Select(p => (p.Line!.Value, p.Location!)));
        Assert.All(ex.Problems, p => Assert.Equal(InputProblemCodes.InvalidValue, p.Code));
    }

    [Fact]
    public void WithoutACohortAnyPatientIdReads() =>
        Assert.Equal("P009", Assert.Single(AdverseEventCsv.Read("patient_id,term\nP009,neck-pain\n", "e.csv")).PatientId);

    /// <summary>Law: writing any events in the dialect (every field quoted or bare when it can be, LF or CRLF, with or without BOM) and reading them gives them back.</summary>
    [Property]
    public Property WriteThenReadIsIdentity() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Zip(Ids(), Gen.Elements(AdverseEventTerms.All.ToArray()))).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            Gen.Elements(true, false).ToArbitrary(),
            (rows, crlf, bom) =>
            {
                var nl = crlf ? "\r\n" : "\n";
                var text = new StringBuilder(bom ? "\uFEFF" : string.Empty).Append("patient_id,term").Append(nl);
                foreach (var (id, term) in rows)
                {
                    text.Append(Field(id)).Append(',').Append(AdverseEventTerms.Code(term)).Append(nl);
                }

                var events = AdverseEventCsv.Read(text.ToString(), "e.csv");
                return events.Select(e => (e.PatientId, e.Term)).SequenceEqual(rows.Select(r => (r.Item1, r.Item2)));
            });

    private static Gen<string> Ids() =>
        Gen.Elements("P1", "a,b", "say \"hi\"", "x y", "Ünïcödé", "  padded", "z")
            .SelectMany(a => Gen.Choose(0, 999).Select(n => a + n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"") >= 0 || value != value.Trim() ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
