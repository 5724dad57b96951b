using System.Globalization;
using System.Text.Json;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;

namespace MigraineProtocol.Cli.Output;

/// <summary>Writes diary periods and verdicts as JSON and as text for people.</summary>
internal static class VerdictOutput
{
    internal static void WritePeriod(Utf8JsonWriter w, PeriodSummary p)
    {
        w.WriteStartObject();
        w.WriteString("start", Date(p.Start));
        w.WriteString("end", Date(p.End));
        w.WriteNumber("lengthDays", p.LengthDays);
        w.WriteNumber("daysRecorded", p.DaysRecorded);
        w.WriteNumber("headacheDays", p.HeadacheDays);
        w.WriteNumber("migraineDays", p.MigraineDays);
        w.WriteStartObject("acuteMedicationDays");
        foreach (var c in AcuteMedicationClasses.All)
        {
            w.WriteNumber(AcuteMedicationClasses.Format(c), p.AcuteMedicationDays(c));
        }

        w.WriteEndObject();
        w.WriteNumber("anyAcuteMedicationDays", p.AnyAcuteMedicationDays);
        w.WriteBoolean("complete", p.IsComplete);
        w.WriteBoolean("withinDiary", p.IsWithinDiary);
        w.WriteEndObject();
    }

    internal static void WriteVerdict(Utf8JsonWriter w, Verdict v)
    {
        w.WriteStartObject();
        w.WriteString("id", v.Id);
        w.WriteString("title", v.Title);
        w.WriteString("outcome", CriterionOutcomeText.Format(v.Outcome));
        if (v.PeriodKind is { } kind)
        {
            w.WriteString("periodKind", PeriodKinds.Format(kind));
        }

        w.WriteStartArray("criteria");
        foreach (var c in v.Criteria)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("description", c.Description);
            w.WriteString("outcome", CriterionOutcomeText.Format(c.Outcome));
            if (c.Note is not null)
            {
                w.WriteString("note", c.Note);
            }

            w.WriteStartArray("figures");
            foreach (var f in c.Figures)
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteNumber("value", JsonOutput.Normalize(f.Value));
                if (f.Requirement is not null)
                {
                    w.WriteString("requirement", f.Requirement);
                }

                if (f.Start is { } s)
                {
                    w.WriteString("start", Date(s));
                    w.WriteString("end", Date(f.End!.Value));
                }

                if (f.DaysRecorded is { } r)
                {
                    w.WriteNumber("daysRecorded", r);
                    w.WriteNumber("periodDays", f.PeriodDays ?? 0);
                }

                w.WriteString("outcome", CriterionOutcomeText.Format(f.Outcome));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("source");
            w.WriteCitation(c.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WritePeriodTable(TextWriter output, IEnumerable<PeriodSummary> periods)
    {
        var table = new TextTable(("Start", false), ("End", false), ("Recorded", true), ("Headache", true), ("Migraine", true), ("Triptan", true), ("Ergot", true), ("Opioid", true), ("Simple", true), ("Combination", true), ("Complete", false));
        foreach (var p in periods)
        {
            table.Add(
                Date(p.Start),
                Date(p.End),
                $"{p.DaysRecorded}/{p.LengthDays}",
                N(p.HeadacheDays),
                N(p.MigraineDays),
                N(p.AcuteMedicationDays(AcuteMedicationClass.Triptan)),
                N(p.AcuteMedicationDays(AcuteMedicationClass.Ergot)),
                N(p.AcuteMedicationDays(AcuteMedicationClass.Opioid)),
                N(p.AcuteMedicationDays(AcuteMedicationClass.SimpleAnalgesic)),
                N(p.AcuteMedicationDays(AcuteMedicationClass.CombinationAnalgesic)),
                p.IsComplete ? "yes" : p.IsWithinDiary ? "no" : "no (outside diary)");
        }

        table.Write(output);
    }

    internal static void WriteVerdictText(TextWriter output, Verdict v)
    {
        var per = v.PeriodKind is { } k ? $" [{PeriodKinds.Format(k)} periods]" : string.Empty;
        output.Write($"{v.Title}: {CriterionOutcomeText.Format(v.Outcome).ToUpperInvariant()}{per}\n");
        foreach (var c in v.Criteria)
        {
            output.Write($"  [{CriterionOutcomeText.Format(c.Outcome)}] {c.Description}\n");
            foreach (var f in c.Figures)
            {
                output.Write($"      {f}\n");
            }

            if (c.Note is not null)
            {
                output.Write($"      note: {c.Note}\n");
            }

            output.Write($"      source: {c.Source}\n");
        }
    }

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
