using System.Globalization;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;

namespace MigraineProtocol.Cli.Output;

/// <summary>Writes diary periods, verdicts and diary assessments as text for people (their JSON is the library's <c>VerdictJson</c>).</summary>
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

    internal static void WriteDiary(TextWriter output, DiaryAssessment r)
    {
        output.Write($"Diary {Date(r.Diary.Start)}..{Date(r.Diary.End)}: {r.Diary.DaysRecorded} of {r.Diary.SpanDays} days recorded ({r.Diary.DaysUnrecorded} unrecorded).\n");
        output.Write($"Periods ({PeriodKinds.Format(r.PeriodKind)}); medication columns are days taken.\n\n");
        WritePeriodTable(output, r.Periods);
        output.Write('\n');
        WriteVerdictText(output, r.ChronicMigraine);
        output.Write('\n');
        WriteVerdictText(output, r.MedicationOveruse.Verdict);
        output.Write($"\nMedication overuse suspected (ICHD-3 8.2): {r.MedicationOveruse.Summarize()}.\n");
        output.Write("Clinical decision support: this summary informs; a clinician decides.\n");
    }

    internal static void WriteCourse(TextWriter output, TreatmentCourse course, StoppingVerdict verdict)
    {
        var b = course.Baseline;
        output.Write($"Baseline {Date(b.Start)}..{Date(b.End)}: {b.HeadacheDays.ToString(CultureInfo.InvariantCulture)} headache days ({b.DaysRecorded.ToString(CultureInfo.InvariantCulture)} of {b.LengthDays.ToString(CultureInfo.InvariantCulture)} days recorded).\n\n");
        var table = new TextTable(("Cycle", true), ("Sessions from", false), ("Last 28 days", false), ("Headache days", true), ("Change", true), ("Reduction", true), ("Responder", false));
        var notes = new List<string>();
        foreach (var c in course.Cycles)
        {
            var decided = c.NotAssessableReason is null;
            table.Add(
                c.Number.ToString(CultureInfo.InvariantCulture),
                Date(c.Start),
                $"{Date(c.Window.Start)}..{Date(c.Window.End)}",
                decided ? c.Window.HeadacheDays.ToString(CultureInfo.InvariantCulture) : "-",
                decided ? c.HeadacheDaysChange.ToString("+0;-0;0", CultureInfo.InvariantCulture) : "-",
                decided && c.Reduction is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-",
                CriterionOutcomeText.Format(c.Responder));
            if (!decided)
            {
                notes.Add($"Cycle {c.Number.ToString(CultureInfo.InvariantCulture)}: {c.NotAssessableReason}.");
            }

            if (c.IsShorterThanInterval && c.Number < course.Cycles.Length)
            {
                notes.Add($"Cycle {c.Number.ToString(CultureInfo.InvariantCulture)} is {c.LengthDays.ToString(CultureInfo.InvariantCulture)} days: the next session came before the {course.CycleLengthDays.ToString(CultureInfo.InvariantCulture)}-day interval.");
            }
        }

        table.Write(output);
        foreach (var n in notes)
        {
            output.Write(n);
            output.Write('\n');
        }

        output.Write('\n');
        WriteVerdictText(output, verdict.Verdict);
        output.Write($"\n{verdict.Statement}\n");
        output.Write("Clinical decision support: this verdict informs; a clinician decides.\n");
    }

    internal static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
