using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;

namespace MigraineProtocol.Cli.Output;

/// <summary>Writes deterministic, indented, camelCase JSON to a text writer.</summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    internal static void Write(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    internal static void WriteUnits(this Utf8JsonWriter writer, string name, ToxinUnits units) => writer.WriteNumber(name, Normalize(units.Units));

    internal static void WriteMillilitres(this Utf8JsonWriter writer, string name, Volume volume) => writer.WriteNumber(name, Normalize(volume.Millilitres));

    internal static void WriteCitation(this Utf8JsonWriter writer, Citation citation)
    {
        writer.WriteStartObject();
        writer.WriteString("source", citation.Source);
        writer.WriteString("locator", citation.Locator);
        writer.WriteString("verification", Citation.FormatLevel(citation.Verification));
        writer.WriteEndObject();
    }

    /// <summary>Removes trailing zeros so that 5.00 is written 5 and 0.100 is written 0.1.</summary>
    internal static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
