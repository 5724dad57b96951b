using System.Globalization;
using System.Text;
using System.Text.Json;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Benchmarks.Fhir;

/// <summary>
/// The library's session JSON (<c>{"date", "injections": [{"site", "units"}], "product", "lot", "expiry", "reconstitution"}</c>)
/// written with Utf8JsonWriter and read with JsonDocument: the baseline of <see cref="FhirRoundTripBenchmarks"/>.
/// </summary>
/// <remarks>Stand-in until the library's SessionJson (issue 3) is on main; same format, same approach (System.Text.Json).</remarks>
internal static class SessionJsonBaseline
{
    internal static string Write(TreatmentSession s)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("date", s.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteStartArray("injections");
            foreach (var i in s.Injections)
            {
                w.WriteStartObject();
                w.WriteString("site", i.Site.Value);
                w.WriteNumber("units", i.Units.Units);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (s.Product is not null)
            {
                w.WriteString("product", s.Product);
            }

            if (s.Lot is not null)
            {
                w.WriteString("lot", s.Lot);
            }

            if (s.Expiry is { } e)
            {
                w.WriteString("expiry", e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            if (s.Reconstitution is { } r)
            {
                w.WriteStartObject("reconstitution");
                w.WriteNumber("vialUnits", r.VialUnits.Units);
                w.WriteNumber("diluentMl", r.Diluent.Millilitres);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    internal static TreatmentSession Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var injections = root.GetProperty("injections").EnumerateArray()
            .Select(i => new Injection(SiteId.Parse(i.GetProperty("site").GetString()!), ToxinUnits.FromUnits(i.GetProperty("units").GetDecimal())))
            .ToList();
        Reconstitution? recon = root.TryGetProperty("reconstitution", out var r)
            ? new Reconstitution(ToxinUnits.FromUnits(r.GetProperty("vialUnits").GetDecimal()), Volume.FromMillilitres(r.GetProperty("diluentMl").GetDecimal()))
            : null;
        return new TreatmentSession(
            DateOnly.ParseExact(root.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            injections,
            root.TryGetProperty("product", out var p) ? p.GetString() : null,
            root.TryGetProperty("lot", out var l) ? l.GetString() : null,
            root.TryGetProperty("expiry", out var e) ? DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            recon);
    }
}
