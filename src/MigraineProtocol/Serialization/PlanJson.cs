using System.Text.Json;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Protocols;

namespace MigraineProtocol.Serialization;

/// <summary>
/// Writes a <see cref="ProtocolPlan"/> as the JSON that <c>migraine-protocol plan --format json</c> prints
/// (docs/json-formats.md, "Plan"): camelCase, indented with <c>\n</c>, units and millilitres as exact
/// numbers without trailing zeros, citations as <c>{source, locator, verification}</c>.
/// </summary>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public static class PlanJson
{
    /// <summary>Returns a plan as JSON: <c>protocol</c>, <c>name</c>, totals and maxima, <c>retreatmentIntervalDays</c>,
    /// <c>reconstitution</c> (with the vials for the total and the maximum), <c>sites</c>, <c>muscles</c>,
    /// <c>followThePain</c> and <c>sources</c>.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON text, without a final newline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    public static string Write(ProtocolPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return VerdictJson.Compose(w => Write(w, plan));
    }

    private static void Write(Utf8JsonWriter w, ProtocolPlan plan)
    {
        var p = plan.Protocol;
        w.WriteStartObject();
        w.WriteString("protocol", p.Id.Value);
        w.WriteString("name", p.Name);
        Units(w, "totalUnits", p.FixedUnits);
        w.WriteNumber("totalSites", p.FixedSiteCount);
        Millilitres(w, "totalVolumeMl", plan.TotalVolume);
        Units(w, "maximumUnits", p.MaximumUnits);
        w.WriteNumber("maximumSites", p.MaximumSites);
        w.WriteNumber("retreatmentIntervalDays", p.RetreatmentIntervalDays);
        w.WriteStartObject("reconstitution");
        Units(w, "vialUnits", plan.Reconstitution.VialUnits);
        Millilitres(w, "diluentMl", plan.Reconstitution.Diluent);
        Units(w, "unitsPerTenthMl", plan.Reconstitution.UnitsPerTenthMillilitre);
        w.WriteNumber("vialsForTotal", plan.FixedVials.Vials);
        Units(w, "unitsDiscardedForTotal", plan.FixedVials.UnitsDiscarded);
        w.WriteNumber("vialsForMaximum", plan.MaximumVials.Vials);
        Units(w, "unitsDiscardedForMaximum", plan.MaximumVials.UnitsDiscarded);
        w.WriteEndObject();
        w.WriteStartArray("sites");
        foreach (var s in plan.Sites)
        {
            w.WriteStartObject();
            w.WriteString("site", s.Site.Id.Value);
            w.WriteString("muscle", s.Muscle.Id.Value);
            w.WriteString("side", LateralityText.Format(s.Side));
            Units(w, "units", s.Units);
            Millilitres(w, "volumeMl", s.Volume);
            w.WriteString("layRegion", s.Region.Id.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("muscles");
        foreach (var m in plan.Regions.SelectMany(r => r.Muscles))
        {
            w.WriteStartObject();
            w.WriteString("muscle", m.Muscle.Id.Value);
            w.WriteString("name", m.Muscle.Name);
            w.WriteString("layRegion", m.Muscle.Region.Value);
            Units(w, "fixedUnits", m.Limit.FixedUnits);
            w.WriteNumber("fixedSites", m.Limit.FixedSites);
            Units(w, "maxUnits", m.Limit.MaxUnits);
            w.WriteNumber("maxSites", m.Limit.MaxSites);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("followThePain");
        foreach (var f in p.FollowThePain)
        {
            w.WriteStartObject();
            w.WriteString("muscle", f.Muscle.Value);
            Units(w, "maxExtraUnits", f.MaxExtraUnits);
            w.WriteNumber("maxExtraSites", f.MaxExtraSites);
            Units(w, "unitsPerSite", f.UnitsPerSite);
            w.WritePropertyName("source");
            Citation(w, f.Source);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("sources");
        foreach (var c in p.Sources)
        {
            Citation(w, c);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Units(Utf8JsonWriter w, string name, ToxinUnits units) => w.WriteNumber(name, JsonReading.Normalize(units.Units));

    private static void Millilitres(Utf8JsonWriter w, string name, Volume volume) => w.WriteNumber(name, JsonReading.Normalize(volume.Millilitres));

    private static void Citation(Utf8JsonWriter w, Citation citation)
    {
        w.WriteStartObject();
        w.WriteString("source", citation.Source);
        w.WriteString("locator", citation.Locator);
        w.WriteString("verification", Primitives.Citation.FormatLevel(citation.Verification));
        w.WriteEndObject();
    }
}

/// <summary>
/// Writes the sites of a <see cref="ProtocolPlan"/> as the CSV that <c>migraine-protocol plan --format csv</c>
/// prints (docs/json-formats.md, "Plan"): the header <c>site,muscle,side,units,volume_ml,lay_region</c>, one
/// row per fixed site in plan order, RFC 4180 quoting, LF line ends, numbers without unit or trailing zeros.
/// </summary>
/// <threadsafety>All members are safe to call from any thread.</threadsafety>
public static class PlanCsv
{
    /// <summary>Gets the header row: <c>site,muscle,side,units,volume_ml,lay_region</c>.</summary>
    public static string Header => "site,muscle,side,units,volume_ml,lay_region";

    /// <summary>Returns the plan's sites as CSV, the header first, each row ending with <c>\n</c>.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The CSV text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is <see langword="null"/>.</exception>
    public static string Write(ProtocolPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new System.Text.StringBuilder(Header).Append('\n');
        foreach (var s in plan.Sites)
        {
            string[] fields = [s.Site.Id.Value, s.Muscle.Id.Value, LateralityText.Format(s.Side), s.Units.ToString("N", null), s.Volume.ToString("N", null), s.Region.Id.Value];
            text.AppendJoin(',', fields.Select(Escape)).Append('\n');
        }

        return text.ToString();
    }

    private static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
