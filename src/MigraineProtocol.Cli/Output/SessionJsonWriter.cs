using System.Globalization;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Output;

/// <summary>
/// Writes a session in the session file format that <see cref="Input.SessionFile"/> reads back
/// (deterministic, indented, LF). Interim, like the reader: issue 3's session serializer replaces both.
/// </summary>
internal static class SessionJsonWriter
{
    internal static void Write(TextWriter output, TreatmentSession session) => JsonOutput.Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("date", session.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteStartArray("injections");
        foreach (var i in session.Injections)
        {
            w.WriteStartObject();
            w.WriteString("site", i.Site.Value);
            w.WriteUnits("units", i.Units);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (session.Product is not null)
        {
            w.WriteString("product", session.Product);
        }

        if (session.Lot is not null)
        {
            w.WriteString("lot", session.Lot);
        }

        if (session.Expiry is { } e)
        {
            w.WriteString("expiry", e.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (session.Reconstitution is { } r)
        {
            w.WriteStartObject("reconstitution");
            w.WriteUnits("vialUnits", r.VialUnits);
            w.WriteMillilitres("diluentMl", r.Diluent);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    });
}
