using MigraineProtocol.Primitives;
using MigraineProtocol.Utility;

namespace MigraineProtocol.Outcomes;

/// <summary>
/// The rate of an adverse event in one arm of a cohort: the patients with at least one such event out of
/// the patients in the arm, with a Wilson score interval (<see cref="ProportionIntervals.Wilson"/>).
/// </summary>
/// <remarks>Immutable. The term is a code string (for example <c>neck-pain</c>, or <see cref="AdverseEventCohort.AnyEvent"/>);
/// the Outcomes namespace depends only on Primitives, so it does not know the session model's term enum.</remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class AdverseEventRate
{
    internal AdverseEventRate(string arm, string term, long patientsWithEvent, long patients, ConfidenceInterval interval)
    {
        Arm = arm;
        Term = term;
        PatientsWithEvent = patientsWithEvent;
        Patients = patients;
        Interval = interval;
    }

    /// <summary>Gets the arm.</summary>
    public string Arm { get; }

    /// <summary>Gets the term code, or <see cref="AdverseEventCohort.AnyEvent"/> for patients with any event.</summary>
    public string Term { get; }

    /// <summary>Gets the number of patients in the arm with at least one event of the term.</summary>
    public long PatientsWithEvent { get; }

    /// <summary>Gets the number of patients in the arm.</summary>
    public long Patients { get; }

    /// <summary>Gets the rate, <see cref="PatientsWithEvent"/> / <see cref="Patients"/>.</summary>
    public double Rate => (double)PatientsWithEvent / Patients;

    /// <summary>Gets the Wilson score interval of the rate.</summary>
    public ConfidenceInterval Interval { get; }

    /// <summary>Returns <c>arm term: x/n</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Arm} {Term}: {PatientsWithEvent}/{Patients}";
}

/// <summary>
/// Counts adverse events per arm of a cohort of patients: add each patient with its arm, then each event
/// with its patient and term code; <see cref="Rates"/> gives, per arm in order of first appearance and per
/// term in order of first appearance (then <see cref="AnyEvent"/>), the patients with at least one such
/// event, with a Wilson interval. A patient with several events of one term counts once.
/// </summary>
/// <remarks>Not thread-safe while being filled; the rates it returns are immutable.</remarks>
public sealed class AdverseEventCohort
{
    /// <summary>The pseudo-term of the row counting patients with any event: <c>any</c>.</summary>
    public const string AnyEvent = "any";

    private readonly Dictionary<string, int> armOf = new(StringComparer.Ordinal);
    private readonly List<(string Arm, long Patients)> arms = [];
    private readonly Dictionary<string, int> armIndex = new(StringComparer.Ordinal);
    private readonly List<string> terms = [];
    private readonly HashSet<(string Patient, string Term)> seen = [];
    private readonly Dictionary<(int Arm, string Term), long> counts = [];

    /// <summary>Gets the number of patients added.</summary>
    public int PatientCount => armOf.Count;

    /// <summary>Returns a cohort of the patients and arms of an outcome cohort (for example from <see cref="OutcomeCohortCsv"/>), in their order: the denominators of the rates.</summary>
    /// <param name="arms">The arms.</param>
    /// <returns>A new cohort with no events yet.</returns>
    /// <exception cref="ArgumentException">A patient id appears twice.</exception>
    public static AdverseEventCohort FromArms(IEnumerable<CohortArm> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var cohort = new AdverseEventCohort();
        foreach (var arm in arms)
        {
            foreach (var id in arm.PatientIds)
            {
                cohort.AddPatient(id, arm.Name);
            }
        }

        return cohort;
    }

    /// <summary>Adds every term of <see cref="PublishedAdverseEventRates.All"/> (<see cref="AddTerm"/>), so that each published figure has this cohort's rate beside it, 0 of n when no patient had the event.</summary>
    /// <returns>This cohort.</returns>
    public AdverseEventCohort AddPublishedTerms()
    {
        foreach (var p in PublishedAdverseEventRates.All.Where(p => p.Term != AnyEvent))
        {
            AddTerm(p.Term);
        }

        return this;
    }

    /// <summary>Adds a patient to an arm.</summary>
    /// <param name="patientId">The patient id; not empty, not yet added.</param>
    /// <param name="arm">The arm; not empty.</param>
    /// <returns>This cohort.</returns>
    /// <exception cref="ArgumentException">The id or arm is blank, or the patient was already added.</exception>
    public AdverseEventCohort AddPatient(string patientId, string arm)
    {
        Preconditions.CheckNotBlank(patientId);
        Preconditions.CheckNotBlank(arm);
        Preconditions.CheckArgument(!armOf.ContainsKey(patientId), nameof(patientId), $"Patient '{patientId}' was already added.");
        if (!armIndex.TryGetValue(arm, out var index))
        {
            index = arms.Count;
            armIndex[arm] = index;
            arms.Add((arm, 0));
        }

        arms[index] = (arm, arms[index].Patients + 1);
        armOf[patientId] = index;
        return this;
    }

    /// <summary>Returns whether a patient was added.</summary>
    /// <param name="patientId">The patient id.</param>
    /// <returns><see langword="true"/> when the patient is in the cohort.</returns>
    public bool Contains(string patientId) => patientId is not null && armOf.ContainsKey(patientId);

    /// <summary>Adds an event of a patient already in the cohort.</summary>
    /// <param name="patientId">The patient id.</param>
    /// <param name="term">The term code, for example <c>neck-pain</c>; not <see cref="AnyEvent"/>.</param>
    /// <returns>This cohort.</returns>
    /// <exception cref="ArgumentException">The patient is not in the cohort, or the term is blank or <see cref="AnyEvent"/>.</exception>
    public AdverseEventCohort AddEvent(string patientId, string term)
    {
        Preconditions.CheckNotBlank(term);
        Preconditions.CheckArgument(term != AnyEvent, nameof(term), $"'{AnyEvent}' is the row of any event, not a term.");
        Preconditions.CheckArgument(patientId is not null && armOf.ContainsKey(patientId), nameof(patientId), $"Patient '{patientId}' is not in the cohort.");
        var arm = armOf[patientId];
        if (!terms.Contains(term))
        {
            terms.Add(term);
        }

        Count(patientId, arm, term);
        Count(patientId, arm, AnyEvent);
        return this;
    }

    /// <summary>Adds a term to report even when no patient has it (its rate is then 0 with a Wilson upper bound above 0); terms keep their order of first appearance.</summary>
    /// <param name="term">The term code; not <see cref="AnyEvent"/>.</param>
    /// <returns>This cohort.</returns>
    /// <exception cref="ArgumentException">The term is blank or <see cref="AnyEvent"/>.</exception>
    public AdverseEventCohort AddTerm(string term)
    {
        Preconditions.CheckNotBlank(term);
        Preconditions.CheckArgument(term != AnyEvent, nameof(term), $"'{AnyEvent}' is the row of any event, not a term.");
        if (!terms.Contains(term))
        {
            terms.Add(term);
        }

        return this;
    }

    /// <summary>Returns the rates: per arm, one per term seen in any arm or added with <see cref="AddTerm"/> (0 where an arm has none) and one for <see cref="AnyEvent"/>.</summary>
    /// <param name="level">The confidence level, in (0, 1).</param>
    /// <returns>The rates, arm by arm.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The level is outside (0, 1).</exception>
    /// <exception cref="InvalidOperationException">No patient was added.</exception>
    public IReadOnlyList<AdverseEventRate> Rates(double level = 0.95)
    {
        ConfidenceLevels.Check(level, nameof(level));
        if (arms.Count == 0)
        {
            throw new InvalidOperationException("The cohort has no patients.");
        }

        var result = new List<AdverseEventRate>();
        for (var a = 0; a < arms.Count; a++)
        {
            foreach (var term in terms.Append(AnyEvent))
            {
                var x = counts.GetValueOrDefault((a, term));
                var n = arms[a].Patients;
                result.Add(new AdverseEventRate(arms[a].Arm, term, x, n, ProportionIntervals.Wilson(x, n, level)));
            }
        }

        return result;
    }

    private void Count(string patientId, int arm, string term)
    {
        if (seen.Add((patientId, term)))
        {
            counts[(arm, term)] = counts.GetValueOrDefault((arm, term)) + 1;
        }
    }
}

/// <summary>
/// A published adverse-event rate of onabotulinumtoxinA for chronic migraine, from clinical-facts.md §2.3
/// (and the one verified row of §2.2), with the comparator where there is one and its source.
/// </summary>
/// <remarks>Immutable; equality is by reference. These are other populations with other exposure and
/// other definitions (treatment-related or any event, per patient over the study), context for a clinic's
/// rates, not a controlled comparison.</remarks>
public sealed class PublishedAdverseEventRate
{
    internal PublishedAdverseEventRate(string id, string study, string term, string measure, bool treatmentRelated, double value, double? comparatorValue, Citation source)
    {
        Id = id;
        Study = study;
        Term = term;
        Measure = measure;
        IsTreatmentRelated = treatmentRelated;
        Value = value;
        ComparatorValue = comparatorValue;
        Source = source;
    }

    /// <summary>Gets a stable identifier, for example <c>preempt-pooled-neck-pain</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the study and population, for example <c>PREEMPT pooled (24-week double-blind)</c>.</summary>
    public string Study { get; }

    /// <summary>Gets the term code it corresponds to (for example <c>eyelid-ptosis</c>), or <see cref="AdverseEventCohort.AnyEvent"/>.</summary>
    public string Term { get; }

    /// <summary>Gets what exactly was counted, in the source's words, for example <c>treatment-related neck pain</c>.</summary>
    public string Measure { get; }

    /// <summary>Gets a value indicating whether the figure counts only treatment-related events (a clinic's recorded events are all events).</summary>
    public bool IsTreatmentRelated { get; }

    /// <summary>Gets the onabotulinumtoxinA rate as a fraction (0.087).</summary>
    public double Value { get; }

    /// <summary>Gets the placebo rate, or <see langword="null"/> for a single-arm figure.</summary>
    public double? ComparatorValue { get; }

    /// <summary>Gets the source with its verification.</summary>
    public Citation Source { get; }
}

/// <summary>
/// The published adverse-event rates the library ships: only the figures clinical-facts.md tags VERIFIED or
/// VERIFIED-2nd (§2.3 and the neck-pain row of §2.2). The rest of the US PI table (§2.2) is UNVERIFIED and
/// deliberately absent.
/// </summary>
public static class PublishedAdverseEventRates
{
    private const string Preempt = "PREEMPT pooled (24-week double-blind)";
    private const string Compel = "COMPEL (N=716, 108 weeks, 9 cycles)";
    private const string Hull = "Real-world, Hull UK (n=254)";

    private static readonly Citation S5 = new("S5", "clinical-facts.md §2.3: PREEMPT pooled any neck pain 8.7% vs 2.7%, eyelid ptosis 3.6% (copies of Blumenfeld et al., Headache 2010)", VerificationLevel.VerifiedSecondary);
    private static readonly Citation S11c = new("S11c", "clinical-facts.md §2.3: PREEMPT pooled treatment-related neck pain 6.7% vs 2.2% (copies of Dodick 2010)", VerificationLevel.VerifiedSecondary);
    private static readonly Citation S14 = new("S14", "clinical-facts.md §2.2: US PI chronic-migraine table, neck pain 9% vs 3% (manufacturer's patient text); the other rows are unverified", VerificationLevel.VerifiedSecondary);
    private static readonly Citation S12 = new("S12", "clinical-facts.md §2.3: COMPEL treatment-related adverse events (Blumenfeld, J Headache Pain 2018;19:13)", VerificationLevel.Verified);
    private static readonly Citation S13 = new("S13", "clinical-facts.md §2.3: Hull real-world study, J Headache Pain 10.1186/1129-2377-15-54, table 3", VerificationLevel.Verified);

    /// <summary>Gets every shipped figure: PREEMPT pooled (S5, S11c), the US PI neck-pain row (S14), COMPEL treatment-related (S12) and the Hull real-world study (S13).</summary>
    public static IReadOnlyList<PublishedAdverseEventRate> All { get; } =
    [
        new("preempt-pooled-neck-pain", Preempt, "neck-pain", "neck pain (any)", false, 0.087, 0.027, S5),
        new("preempt-pooled-neck-pain-related", Preempt, "neck-pain", "treatment-related neck pain", true, 0.067, 0.022, S11c),
        new("us-pi-neck-pain", "US PI chronic-migraine table (pooled PREEMPT)", "neck-pain", "neck pain (adverse reaction)", false, 0.09, 0.03, S14),
        new("preempt-pooled-eyelid-ptosis", Preempt, "eyelid-ptosis", "eyelid ptosis (any)", false, 0.036, null, S5),
        new("compel-any-related", Compel, AdverseEventCohort.AnyEvent, "at least one treatment-related adverse event", true, 0.183, null, S12),
        new("compel-neck-pain", Compel, "neck-pain", "treatment-related neck pain", true, 0.041, null, S12),
        new("compel-eyelid-ptosis", Compel, "eyelid-ptosis", "treatment-related eyelid ptosis", true, 0.025, null, S12),
        new("compel-musculoskeletal-stiffness", Compel, "musculoskeletal-stiffness", "treatment-related musculoskeletal stiffness", true, 0.024, null, S12),
        new("compel-injection-site-pain", Compel, "injection-site-pain", "treatment-related injection-site pain", true, 0.020, null, S12),
        new("compel-headache", Compel, "headache", "treatment-related headache", true, 0.017, null, S12),
        new("compel-muscular-weakness", Compel, "muscular-weakness", "treatment-related muscular weakness", true, 0.014, null, S12),
        new("compel-facial-paresis", Compel, "facial-paresis", "treatment-related facial paresis", true, 0.013, null, S12),
        new("hull-injection-site-pain", Hull, "injection-site-pain", "injection-site pain lasting 24 h or more", false, 0.149, null, S13),
        new("hull-eyelid-ptosis", Hull, "eyelid-ptosis", "ptosis", false, 0.11, null, S13),
        new("hull-dysphagia", Hull, "dysphagia", "dysphagia", false, 0.020, null, S13),
    ];

    /// <summary>Returns the figures for a term code, in the order of <see cref="All"/>.</summary>
    /// <param name="term">The term code, or <see cref="AdverseEventCohort.AnyEvent"/>.</param>
    /// <returns>The figures, possibly none.</returns>
    public static IEnumerable<PublishedAdverseEventRate> For(string term) => All.Where(p => string.Equals(p.Term, term, StringComparison.Ordinal));
}
