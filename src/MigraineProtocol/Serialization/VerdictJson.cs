using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MigraineProtocol.Diaries;
using MigraineProtocol.Diaries.Criteria;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Serialization;

/// <summary>
/// Writes diary periods, verdicts, diary assessments, eligibility assessments and treatment courses as the JSON the
/// command line prints (docs/json-formats.md): camelCase, indented with <c>\n</c>, dates
/// <c>yyyy-MM-dd</c>, numbers without trailing zeros, reductions rounded to 4 decimals.
/// </summary>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public static class VerdictJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    /// <summary>Returns an eligibility assessment as JSON: <c>periodKind</c>, <c>criteriaMet</c> (and <c>eligible</c>, the same value, kept for compatibility), <c>verdicts</c>.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The JSON text, without a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is <see langword="null"/>.</exception>
    public static string Write(EligibilityAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return Compose(w =>
        {
            w.WriteStartObject();
            w.WriteString("periodKind", PeriodKinds.Format(assessment.PeriodKind));
            w.WriteBoolean("eligible", assessment.CriteriaMet);
            w.WriteBoolean("criteriaMet", assessment.CriteriaMet);
            w.WriteStartArray("verdicts");
            foreach (var v in assessment.Verdicts)
            {
                WriteVerdict(w, v);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Returns a diary assessment as JSON: <c>diary</c> (<c>start</c>, <c>end</c>, <c>spanDays</c>, <c>daysRecorded</c>,
    /// <c>daysUnrecorded</c>), <c>periodKind</c>, <c>periods</c>, <c>chronicMigraine</c> and <c>chronicMigraineOutcome</c>,
    /// <c>medicationOveruse</c> (<c>suspected</c>, <c>outcome</c>, <c>summary</c>, <c>classes</c>, <c>multipleClasses</c>,
    /// <c>notAssessed</c>) and <c>verdicts</c> (chronic migraine, then medication overuse).</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>The JSON text, without a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="assessment"/> is <see langword="null"/>.</exception>
    public static string Write(DiaryAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var diary = assessment.Diary;
        var overuse = assessment.MedicationOveruse;
        return Compose(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("diary");
            w.WriteString("start", Date(diary.Start));
            w.WriteString("end", Date(diary.End));
            w.WriteNumber("spanDays", diary.SpanDays);
            w.WriteNumber("daysRecorded", diary.DaysRecorded);
            w.WriteNumber("daysUnrecorded", diary.DaysUnrecorded);
            w.WriteEndObject();
            w.WriteString("periodKind", PeriodKinds.Format(assessment.PeriodKind));
            w.WriteStartArray("periods");
            foreach (var p in assessment.Periods)
            {
                WritePeriod(w, p);
            }

            w.WriteEndArray();
            w.WriteBoolean("chronicMigraine", assessment.ChronicMigraine.IsMet);
            w.WriteString("chronicMigraineOutcome", CriterionOutcomeText.Format(assessment.ChronicMigraine.Outcome));
            w.WriteStartObject("medicationOveruse");
            w.WriteBoolean("suspected", overuse.Suspected);
            w.WriteString("outcome", CriterionOutcomeText.Format(overuse.Verdict.Outcome));
            w.WriteString("summary", overuse.Summarize());
            w.WriteStartArray("classes");
            foreach (var c in overuse.OverusedClasses)
            {
                w.WriteStringValue(AcuteMedicationClasses.Format(c));
            }

            w.WriteEndArray();
            w.WriteBoolean("multipleClasses", overuse.MultipleClassesOverused);
            w.WriteStartArray("notAssessed");
            foreach (var c in overuse.ClassesNotAssessed)
            {
                w.WriteStringValue(AcuteMedicationClasses.Format(c));
            }

            if (overuse.MultipleClassesNotAssessed)
            {
                w.WriteStringValue("multiple-classes");
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartArray("verdicts");
            WriteVerdict(w, assessment.ChronicMigraine);
            WriteVerdict(w, overuse.Verdict);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Returns a treatment course and its NICE TA260 1.2 stopping verdict as JSON: <c>periodKind</c>, <c>decision</c> (<see cref="StoppingDecisions.Format"/>), <c>statement</c>, <c>baseline</c>, <c>cycles</c>, <c>verdict</c>.</summary>
    /// <param name="course">The course.</param>
    /// <param name="verdict">The stopping verdict of that course.</param>
    /// <returns>The JSON text, without a final newline.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static string Write(TreatmentCourse course, StoppingVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(verdict);
        return Compose(w =>
        {
            w.WriteStartObject();
            w.WriteString("periodKind", PeriodKinds.Format(verdict.Verdict.PeriodKind ?? PeriodKind.CalendarMonth));
            w.WriteString("decision", StoppingDecisions.Format(verdict.Decision));
            w.WriteString("statement", verdict.Statement);
            w.WritePropertyName("baseline");
            WritePeriod(w, course.Baseline);
            w.WriteStartArray("cycles");
            foreach (var c in course.Cycles)
            {
                w.WriteStartObject();
                w.WriteNumber("number", c.Number);
                w.WriteString("start", Date(c.Start));
                w.WriteString("end", Date(c.End));
                w.WritePropertyName("window");
                WritePeriod(w, c.Window);
                w.WriteNumber("headacheDaysChange", c.HeadacheDaysChange);
                if (c.Reduction is { } r)
                {
                    w.WriteNumber("reduction", Normalize(decimal.Round(r, 4)));
                }
                else
                {
                    w.WriteNull("reduction");
                }

                w.WriteString("responder", CriterionOutcomeText.Format(c.Responder));
                w.WriteNumber("lengthDays", c.LengthDays);
                w.WriteBoolean("comparable", c.IsComparable);
                w.WriteBoolean("shorterThanInterval", c.IsShorterThanInterval);
                if (c.NotAssessableReason is { } why)
                {
                    w.WriteString("notAssessable", why);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WritePropertyName("verdict");
            WriteVerdict(w, verdict.Verdict);
            w.WriteEndObject();
        });
    }

    /// <summary>Writes one diary period as a JSON object: <c>start</c>, <c>end</c>, <c>lengthDays</c>, <c>daysRecorded</c>, <c>headacheDays</c>, <c>migraineDays</c>, <c>acuteMedicationDays</c> per class, <c>anyAcuteMedicationDays</c>, <c>complete</c>, <c>withinDiary</c>.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="period">The period.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WritePeriod(Utf8JsonWriter writer, PeriodSummary period)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(period);
        var w = writer;
        var p = period;
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

    /// <summary>Writes one verdict as a JSON object: <c>id</c>, <c>title</c>, <c>outcome</c>, <c>periodKind</c>, <c>criteria</c> (each with its figures and source).</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="verdict">The verdict.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteVerdict(Utf8JsonWriter writer, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verdict);
        var w = writer;
        var v = verdict;
        w.WriteStartObject();
        w.WriteString("id", v.Id.Value);
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
            w.WriteString("id", c.Id.Value);
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
                w.WriteNumber("value", Normalize(f.Value));
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
            WriteCitation(w, c.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Returns JSON written by <paramref name="write"/> with the options of every format the command line prints.</summary>
    /// <param name="write">Writes one JSON value.</param>
    /// <returns>The text, without a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="write"/> is <see langword="null"/>.</exception>
    public static string Compose(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteCitation(Utf8JsonWriter writer, Citation citation)
    {
        writer.WriteStartObject();
        writer.WriteString("source", citation.Source);
        writer.WriteString("locator", citation.Locator);
        writer.WriteString("verification", Citation.FormatLevel(citation.Verification));
        writer.WriteEndObject();
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Normalize(decimal value) => JsonReading.Normalize(value);
}
