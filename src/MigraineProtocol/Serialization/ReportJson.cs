using System.Collections.Immutable;
using System.Text.Json;
using MigraineProtocol.Billing;
using MigraineProtocol.Dosing;
using MigraineProtocol.Input;
using MigraineProtocol.Primitives;
using MigraineProtocol.Rules;

namespace MigraineProtocol.Serialization;

/// <summary>
/// Reads and writes a <see cref="ValidationReport"/> as JSON (System.Text.Json source generation):
/// <c>{"valid", "protocol", "date", "totalUnits", "injections", "cumulativeUnits", "cumulativeWindowStart",
/// "previousSessionDate", "nextEligibleDate", "errors", "warnings", "diagnostics": [{"code", "severity",
/// "message", "site", "source": {"source", "locator", "verification"}}], "reconciliation"}</c>
/// (docs/json-formats.md). It is the JSON that <c>migraine-protocol validate --format json</c> prints.
/// </summary>
/// <remarks>
/// Reading is strict in the same way as <see cref="SessionJson"/>, and also checks that the derived
/// fields (<c>valid</c>, <c>errors</c>, <c>warnings</c>, the reconciliation's units and lines) agree with
/// the rest; writing then reading gives an equal report.
/// </remarks>
public static class ReportJson
{
    /// <summary>Reads a report.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <returns>The report.</returns>
    /// <exception cref="InputException">The JSON is not a valid report; <see cref="InputException.Problems"/> lists every problem.</exception>
    public static ValidationReport Read(string json, string sourceName) =>
        TryRead(json, sourceName, out var report, out var problems) ? report : throw new InputException(problems);

    /// <summary>Tries to read a report; never throws for bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name problems are reported under (usually the path).</param>
    /// <param name="report">The report on success; otherwise <c>default</c>.</param>
    /// <param name="problems">Every problem found, each naming the source and JSON path; empty on success.</param>
    /// <returns><see langword="true"/> when the JSON is a valid report.</returns>
    public static bool TryRead(string json, string sourceName, out ValidationReport report, out ImmutableArray<InputProblem> problems)
    {
        var reading = new JsonReading(sourceName);
        report = default;
        var doc = reading.Deserialize(json, RecordJsonContext.Default.ReportDocument, "a report");
        if (doc is not null && FromDocument(doc, reading) is { } r)
        {
            report = r;
        }

        problems = reading.Problems;
        if (reading.HasProblems)
        {
            report = default;
            return false;
        }

        return doc is not null;
    }

    /// <summary>Writes a report as indented JSON (LF line ends, camelCase; <c>site</c> and <c>previousSessionDate</c> are always present, <see langword="null"/> when none).</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(ValidationReport report) => JsonSerializer.Serialize(ToDocument(report), RecordJson.Writing.ReportDocument);

    internal static ReportDocument ToDocument(ValidationReport report) => new()
    {
        Valid = report.IsValid,
        Protocol = report.Protocol.Value,
        Date = JsonReading.FormatDate(report.Date),
        TotalUnits = JsonReading.Normalize(report.TotalUnits.Units),
        Injections = report.InjectionCount,
        CumulativeUnits = JsonReading.Normalize(report.CumulativeUnits.Units),
        CumulativeWindowStart = JsonReading.FormatDate(report.CumulativeWindowStart),
        CumulativePolicy = PolicyName(report.Cumulative.Policy),
        CumulativeLimit = JsonReading.Normalize(report.Cumulative.Limit.Units),
        CumulativeHeadroom = JsonReading.Normalize(report.Cumulative.Headroom.Units),
        RollingCumulativeUnits = JsonReading.Normalize(report.Cumulative.RollingUnits.Units),
        RollingWindowStart = JsonReading.FormatDate(report.Cumulative.RollingWindowStart),
        PreviousSessionDate = report.PreviousSessionDate is { } p ? JsonReading.FormatDate(p) : null,
        NextEligibleDate = JsonReading.FormatDate(report.NextEligibleDate),
        Errors = report.ErrorCount,
        Warnings = report.WarningCount,
        Diagnostics = [.. report.Violations.Select(v => new DiagnosticDocument
        {
            Code = v.Code.Value,
            Severity = SeverityText.Format(v.Severity),
            Message = v.Message,
            Site = v.Site?.Value,
            Source = JsonReading.ToDocument(v.Source),
        })],
        Reconciliation = report.Reconciliation is { } r ? ToDocument(r) : null,
    };

    private static ReconciliationDocument ToDocument(BillingReconciliation r) => new()
    {
        VialUnits = JsonReading.Normalize(r.VialUnits.Units),
        Vials = r.Vials,
        VialsRecorded = r.VialsRecorded,
        UnitsOpened = JsonReading.Normalize(r.UnitsOpened.Units),
        UnitsAdministered = JsonReading.Normalize(r.UnitsAdministered.Units),
        UnitsDiscarded = JsonReading.Normalize(r.UnitsDiscarded.Units),
        Lines = [.. r.Lines.Select(l => new BillingLineDocument
        {
            System = l.System,
            Code = l.Code,
            Modifier = l.Modifier,
            Quantity = JsonReading.Normalize(l.Quantity),
            Description = l.Description,
        })],
        Source = JsonReading.ToDocument(BillingReconciliation.Source),
    };

    private static ValidationReport? FromDocument(ReportDocument doc, JsonReading reading)
    {
        if (!ProtocolId.TryParse(doc.Protocol, null, out var protocol))
        {
            reading.Add("$.protocol", $"{Echo.Quote(doc.Protocol)} is not a protocol id.");
        }

        reading.TryDate(doc.Date, "$.date", out var date);
        reading.TryUnits(doc.TotalUnits, "$.totalUnits", out var total);
        reading.TryUnits(doc.CumulativeUnits, "$.cumulativeUnits", out var cumulative);
        reading.TryDate(doc.CumulativeWindowStart, "$.cumulativeWindowStart", out var windowStart);
        reading.TryDate(doc.NextEligibleDate, "$.nextEligibleDate", out var next);
        var policy = CumulativeWindowPolicy.TreatmentCycle;
        if (doc.CumulativePolicy is { } policyName && !TryPolicy(policyName, out policy))
        {
            reading.Add("$.cumulativePolicy", $"{Echo.Quote(policyName)} is not a cumulative policy: treatment-cycle or rolling-calendar-months.");
        }

        var limit = ValidationOptions.Default.CumulativeLimit;
        if (doc.CumulativeLimit is { } limitValue)
        {
            reading.TryUnits(limitValue, "$.cumulativeLimit", out limit);
        }

        var rolling = cumulative;
        if (doc.RollingCumulativeUnits is { } rollingValue)
        {
            reading.TryUnits(rollingValue, "$.rollingCumulativeUnits", out rolling);
        }

        var rollingStart = windowStart;
        if (doc.RollingWindowStart is { } rollingText)
        {
            reading.TryDate(rollingText, "$.rollingWindowStart", out rollingStart);
        }
        DateOnly? previous = null;
        if (doc.PreviousSessionDate is not null && reading.TryDate(doc.PreviousSessionDate, "$.previousSessionDate", out var p))
        {
            previous = p;
        }

        if (doc.Injections < 0)
        {
            reading.Add("$.injections", "the number of injections must not be negative.");
        }

        var violations = ImmutableArray.CreateBuilder<RuleViolation>(doc.Diagnostics.Count);
        for (var i = 0; i < doc.Diagnostics.Count; i++)
        {
            var path = $"$.diagnostics[{i}]";
            if (doc.Diagnostics[i] is not { } d)
            {
                reading.Add(path, "a diagnostic must be an object, not null.");
                continue;
            }

            var ok = RuleId.TryParse(d.Code, out var code);
            if (!ok)
            {
                reading.Add(path + ".code", $"{Echo.Quote(d.Code)} is not a rule code.");
            }

            if (!SeverityText.TryParse(d.Severity, out var severity))
            {
                reading.Add(path + ".severity", $"{Echo.Quote(d.Severity)} is not a severity; use 'error' or 'warning'.");
                ok = false;
            }

            SiteId? site = null;
            if (d.Site is not null)
            {
                if (SiteId.TryParse(d.Site, out var s))
                {
                    site = s;
                }
                else
                {
                    reading.Add(path + ".site", $"{Echo.Quote(d.Site)} is not a site id.");
                    ok = false;
                }
            }

            if (string.IsNullOrWhiteSpace(d.Message))
            {
                reading.Add(path + ".message", "the message must not be empty.");
                ok = false;
            }

            var citation = reading.FromDocument(d.Source, path + ".source");
            if (ok && citation is not null)
            {
                violations.Add(new RuleViolation(code, severity, d.Message, site, citation));
            }
        }

        BillingReconciliation? reconciliation = null;
        if (doc.Reconciliation is { } r
            && reading.TryUnits(r.VialUnits, "$.reconciliation.vialUnits", out var vialUnits)
            && reading.TryUnits(r.UnitsAdministered, "$.reconciliation.unitsAdministered", out var administered))
        {
            if (vialUnits == ToxinUnits.Zero || r.Vials < 0 || (decimal)vialUnits.Hundredths * r.Vials > ToxinUnits.MaxValue.Hundredths)
            {
                reading.Add("$.reconciliation", "the vials must be a non-negative number of vials of more than 0 U.");
            }
            else
            {
                reconciliation = new BillingReconciliation(vialUnits, r.Vials, r.VialsRecorded, administered);
                var derived = ToDocument(reconciliation);
                if (derived.UnitsOpened != r.UnitsOpened || derived.UnitsDiscarded != r.UnitsDiscarded || !SameLines(derived.Lines, r.Lines))
                {
                    reading.Add("$.reconciliation", "the units opened, units discarded or billing lines do not follow from the vials and units administered.");
                }
            }
        }

        if (reading.HasProblems)
        {
            return null;
        }

        var report = new ValidationReport(protocol, date, violations.ToImmutable(), total, doc.Injections, new CumulativeDoseSummary(policy, limit, windowStart, cumulative, rollingStart, rolling), previous, next, reconciliation);
        if (report.IsValid != doc.Valid || report.ErrorCount != doc.Errors || report.WarningCount != doc.Warnings)
        {
            reading.Add("$.valid", "'valid', 'errors' and 'warnings' do not agree with the diagnostics.");
            return null;
        }

        return report;
    }

    private static string PolicyName(CumulativeWindowPolicy policy) => policy == CumulativeWindowPolicy.TreatmentCycle ? "treatment-cycle" : "rolling-calendar-months";

    private static bool TryPolicy(string name, out CumulativeWindowPolicy policy)
    {
        (var ok, policy) = name switch
        {
            "treatment-cycle" => (true, CumulativeWindowPolicy.TreatmentCycle),
            "rolling-calendar-months" => (true, CumulativeWindowPolicy.RollingCalendarMonths),
            _ => (false, CumulativeWindowPolicy.TreatmentCycle),
        };
        return ok;
    }

    private static bool SameLines(List<BillingLineDocument> a, List<BillingLineDocument> b) =>
        a.Count == b.Count && a.Zip(b).All(x => x.First.System == x.Second.System && x.First.Code == x.Second.Code && x.First.Modifier == x.Second.Modifier
            && x.First.Quantity == x.Second.Quantity && x.First.Description == x.Second.Description);
}
