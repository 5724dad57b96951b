using System.Collections.Immutable;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Fhir.Terminology;

/// <summary>
/// An immutable <see cref="IFhirCodeMap"/> built from codings per muscle, per site, for the procedure
/// and for the medication.
/// </summary>
/// <remarks>
/// <para><see cref="Verified"/> holds the standard codes the library ships with a named source
/// (<see cref="FhirTerminology.ShippedCodes"/>): CPT 64615 on the procedure, HCPCS J0585 on the
/// medication and SNOMED CT 52927003 on the temporalis. <see cref="Empty"/> holds none. Add the
/// integrator's codes with the <c>With*</c> methods, which return new maps:</para>
/// <code>
/// var map = FhirCodeMap.Verified
///     .WithMuscle(MuscleId.From("trapezius"), new FhirCoding("http://snomed.info/sct", "&lt;your code&gt;", "Trapezius muscle structure"))
///     .WithProcedure(new FhirCoding("http://snomed.info/sct", "&lt;your code&gt;"));
/// </code>
/// </remarks>
/// <threadsafety>This type is immutable and safe to share between threads.</threadsafety>
public sealed class FhirCodeMap : IFhirCodeMap
{
    private readonly ImmutableArray<FhirCoding> procedure;
    private readonly ImmutableArray<FhirCoding> medication;
    private readonly ImmutableDictionary<MuscleId, ImmutableArray<FhirCoding>> muscles;
    private readonly ImmutableDictionary<SiteId, ImmutableArray<FhirCoding>> sites;
    private ImmutableDictionary<Sessions.AdverseEventTerm, ImmutableArray<FhirCoding>> events = ImmutableDictionary<Sessions.AdverseEventTerm, ImmutableArray<FhirCoding>>.Empty;

    private FhirCodeMap(
        ImmutableArray<FhirCoding> procedure,
        ImmutableArray<FhirCoding> medication,
        ImmutableDictionary<MuscleId, ImmutableArray<FhirCoding>> muscles,
        ImmutableDictionary<SiteId, ImmutableArray<FhirCoding>> sites)
    {
        this.procedure = procedure;
        this.medication = medication;
        this.muscles = muscles;
        this.sites = sites;
    }

    /// <summary>Gets a map with no codes.</summary>
    public static FhirCodeMap Empty { get; } = new([], [], ImmutableDictionary<MuscleId, ImmutableArray<FhirCoding>>.Empty, ImmutableDictionary<SiteId, ImmutableArray<FhirCoding>>.Empty);

    /// <summary>Gets the map of the standard codes the library ships with a named source (the default of <see cref="Mapping.FhirExportOptions"/>).</summary>
    public static FhirCodeMap Verified { get; } = Empty
        .WithProcedure(FhirTerminology.Cpt64615)
        .WithMedication(FhirTerminology.HcpcsJ0585)
        .WithMuscle(MuscleId.From("temporalis"), FhirTerminology.SnomedTemporalis);

    /// <summary>Returns a new map with a coding added to the procedure.</summary>
    /// <param name="coding">The coding.</param>
    /// <returns>The new map.</returns>
    public FhirCodeMap WithProcedure(FhirCoding coding) =>
        new(procedure.Add(Check(coding, procedure)), medication, muscles, sites) { events = events };

    /// <summary>Returns a new map with a coding added to the medication.</summary>
    /// <param name="coding">The coding.</param>
    /// <returns>The new map.</returns>
    public FhirCodeMap WithMedication(FhirCoding coding) =>
        new(procedure, medication.Add(Check(coding, medication)), muscles, sites) { events = events };

    /// <summary>Returns a new map with a coding added to a muscle.</summary>
    /// <param name="muscle">The muscle; not <c>default</c>.</param>
    /// <param name="coding">The coding.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentException"><paramref name="muscle"/> is <c>default</c>, or the coding is already mapped.</exception>
    public FhirCodeMap WithMuscle(MuscleId muscle, FhirCoding coding)
    {
        if (muscle.Value.Length == 0)
        {
            throw new ArgumentException("The muscle must not be the default (empty) id.", nameof(muscle));
        }

        var existing = muscles.GetValueOrDefault(muscle, []);
        return new(procedure, medication, muscles.SetItem(muscle, existing.Add(Check(coding, existing))), sites) { events = events };
    }

    /// <summary>Returns a new map with a coding added to an injection site.</summary>
    /// <param name="site">The site id; not <c>default</c>.</param>
    /// <param name="coding">The coding.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentException"><paramref name="site"/> is <c>default</c>, or the coding is already mapped.</exception>
    public FhirCodeMap WithSite(SiteId site, FhirCoding coding)
    {
        if (site.Value.Length == 0)
        {
            throw new ArgumentException("The site must not be the default (empty) id.", nameof(site));
        }

        var existing = sites.GetValueOrDefault(site, []);
        return new(procedure, medication, muscles, sites.SetItem(site, existing.Add(Check(coding, existing)))) { events = events };
    }

    /// <summary>Returns a new map with a coding added to an adverse-event term (for example the integrator's MedDRA or SNOMED CT code).</summary>
    /// <param name="term">The term.</param>
    /// <param name="coding">The coding.</param>
    /// <returns>The new map.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="term"/> is not a defined term.</exception>
    /// <exception cref="ArgumentException">The coding is already mapped, or is in one of the library's own code systems.</exception>
    public FhirCodeMap WithAdverseEvent(Sessions.AdverseEventTerm term, FhirCoding coding)
    {
        if (!Enum.IsDefined(term))
        {
            throw new ArgumentOutOfRangeException(nameof(term), term, "Not a defined adverse-event term.");
        }

        var existing = events.GetValueOrDefault(term, []);
        return new(procedure, medication, muscles, sites) { events = events.SetItem(term, existing.Add(Check(coding, existing))) };
    }

    /// <inheritdoc />
    public IEnumerable<FhirCoding> ForAdverseEvent(Sessions.AdverseEventTerm term) => events.GetValueOrDefault(term, []);

    /// <inheritdoc />
    public IEnumerable<FhirCoding> ForProcedure() => procedure;

    /// <inheritdoc />
    public IEnumerable<FhirCoding> ForMedication() => medication;

    /// <inheritdoc />
    public IEnumerable<FhirCoding> ForMuscle(MuscleId muscle) => muscles.GetValueOrDefault(muscle, []);

    /// <inheritdoc />
    public IEnumerable<FhirCoding> ForSite(SiteId site) => sites.GetValueOrDefault(site, []);

    private static FhirCoding Check(FhirCoding coding, ImmutableArray<FhirCoding> existing)
    {
        ArgumentNullException.ThrowIfNull(coding);
        if (existing.Contains(coding))
        {
            throw new ArgumentException($"The coding {coding} is already mapped there.", nameof(coding));
        }

        if (coding.System.StartsWith(FhirTerminology.BaseUri, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The coding {coding} is in one of the library's own code systems, which the mapping writes itself; map standard codes only.", nameof(coding));
        }

        return coding;
    }
}
