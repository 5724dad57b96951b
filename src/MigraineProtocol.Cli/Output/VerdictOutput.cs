using System.Globalization;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;

namespace MigraineProtocol.Cli.Output;

/// <summary>Writes diary periods and verdicts as text for people (their JSON is the library's <c>VerdictJson</c>).</summary>
internal static class VerdictOutput
{
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
