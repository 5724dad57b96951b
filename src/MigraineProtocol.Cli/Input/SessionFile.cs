using System.Globalization;
using System.Text.Json;
using MigraineProtocol.Dosing;
using MigraineProtocol.Primitives;
using MigraineProtocol.Sessions;

namespace MigraineProtocol.Cli.Input;

/// <summary>
/// A small strict reader of a session file, <c>{"date": "2026-03-02", "injections": [{"site": "procerus", "units": 5}, ...]}</c>,
/// with optional <c>product</c> and <c>lot</c> strings, <c>expiry</c> date and <c>reconstitution</c>
/// (<c>{"vialUnits": 100, "diluentMl": 2}</c>). Unknown or repeated properties, a wrong type, an
/// invalid id, date or dose are errors naming the file, line, column and JSON path.
/// </summary>
/// <remarks>Interim: when the library gains its session serializer (issue 3, Serialization), the map and fhir commands switch to it.</remarks>
internal static class SessionFile
{
    internal static TreatmentSession Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException($"{path}: the session file does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"{path}: the session file cannot be read: {e.Message}");
        }

        var parser = new Parser(path, bytes);
        try
        {
            return parser.ReadSession();
        }
        catch (JsonException e)
        {
            throw new CliException($"{path}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: the session file is not valid JSON: {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd();
    }

    private ref struct Parser(string path, byte[] bytes)
    {
        private Utf8JsonReader reader = new(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });

        internal TreatmentSession ReadSession()
        {
            Next("$");
            Expect(JsonTokenType.StartObject, "$", "a session object");
            var start = reader.TokenStartIndex;
            DateOnly? date = null;
            List<Injection>? injections = null;
            string? product = null;
            string? lot = null;
            DateOnly? expiry = null;
            Reconstitution? reconstitution = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (Next("$") && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var at = $"$.{name}";
                if (!seen.Add(name))
                {
                    throw Error(at, $"the property '{name}' is repeated.");
                }

                Next(at);
                switch (name)
                {
                    case "date":
                        date = ReadDate(at);
                        break;
                    case "injections":
                        injections = ReadInjections(at);
                        break;
                    case "product":
                        product = ReadText(at);
                        break;
                    case "lot":
                        lot = ReadText(at);
                        break;
                    case "expiry":
                        expiry = ReadDate(at);
                        break;
                    case "reconstitution":
                        reconstitution = ReadReconstitution(at);
                        break;
                    default:
                        throw Error(at, $"unknown property '{name}'; a session has 'date', 'injections', 'product', 'lot', 'expiry' and 'reconstitution'.");
                }
            }

            if (date is null)
            {
                throw Error("$", "the session has no 'date' (yyyy-MM-dd).", start);
            }

            if (injections is null)
            {
                throw Error("$", "the session has no 'injections' array.", start);
            }

            if (reader.Read())
            {
                throw Error("$", "unexpected content after the session object.");
            }

            return new TreatmentSession(date.Value, injections, product, lot, expiry, reconstitution);
        }

        private DateOnly ReadDate(string at)
        {
            Expect(JsonTokenType.String, at, "a date string (yyyy-MM-dd)");
            var text = reader.GetString()!;
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Error(at, $"'{text}' is not a date; write yyyy-MM-dd, for example 2026-03-02.");
        }

        private string ReadText(string at)
        {
            Expect(JsonTokenType.String, at, "a string");
            var text = reader.GetString()!;
            return string.IsNullOrWhiteSpace(text) ? throw Error(at, "the text must not be empty.") : text;
        }

        private List<Injection> ReadInjections(string at)
        {
            Expect(JsonTokenType.StartArray, at, "an array of injections");
            var list = new List<Injection>();
            while (Next(at) && reader.TokenType != JsonTokenType.EndArray)
            {
                list.Add(ReadInjection($"{at}[{list.Count.ToString(CultureInfo.InvariantCulture)}]"));
            }

            return list;
        }

        private Injection ReadInjection(string at)
        {
            Expect(JsonTokenType.StartObject, at, "an injection object {\"site\": ..., \"units\": ...}");
            SiteId? site = null;
            ToxinUnits? units = null;
            var start = reader.TokenStartIndex;
            while (Next(at) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var inner = $"{at}.{name}";
                Next(inner);
                switch (name)
                {
                    case "site" when site is null:
                        Expect(JsonTokenType.String, inner, "a site id string");
                        var text = reader.GetString()!;
                        site = SiteId.TryParse(text, out var id) ? id : throw Error(inner, $"'{text}' is not a valid site id (for example 'procerus', 'temporalis-left-3' or 'trapezius-right-ftp').");
                        break;
                    case "units" when units is null:
                        Expect(JsonTokenType.Number, inner, "a number of units");
                        units = reader.TryGetDecimal(out var d) && ToxinUnits.TryFromUnits(d, out var u)
                            ? u
                            : throw Error(inner, $"{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} is not a dose: units are 0 or more, in steps of 0.01.");
                        break;
                    case "site" or "units":
                        throw Error(inner, $"the property '{name}' is repeated.");
                    default:
                        throw Error(inner, $"unknown property '{name}'; an injection has 'site' and 'units'.");
                }
            }

            if (site is null || units is null)
            {
                throw Error(at, $"an injection needs both 'site' and 'units'.", start);
            }

            return new Injection(site.Value, units.Value);
        }

        private Reconstitution ReadReconstitution(string at)
        {
            Expect(JsonTokenType.StartObject, at, "a reconstitution object {\"vialUnits\": ..., \"diluentMl\": ...}");
            var start = reader.TokenStartIndex;
            ToxinUnits? vial = null;
            Volume? diluent = null;
            while (Next(at) && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                var inner = $"{at}.{name}";
                Next(inner);
                switch (name)
                {
                    case "vialUnits" when vial is null:
                        Expect(JsonTokenType.Number, inner, "a number of units");
                        vial = reader.TryGetDecimal(out var u) && ToxinUnits.TryFromUnits(u, out var units) && units > ToxinUnits.Zero
                            ? units
                            : throw Error(inner, $"{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} is not a vial size: units are more than 0, in steps of 0.01.");
                        break;
                    case "diluentMl" when diluent is null:
                        Expect(JsonTokenType.Number, inner, "a number of millilitres");
                        diluent = reader.TryGetDecimal(out var m) && Volume.TryFromMillilitres(m, out var volume) && volume > Volume.Zero
                            ? volume
                            : throw Error(inner, $"{System.Text.Encoding.UTF8.GetString(reader.ValueSpan)} is not a diluent volume: millilitres are more than 0, in steps of 0.001.");
                        break;
                    case "vialUnits" or "diluentMl":
                        throw Error(inner, $"the property '{name}' is repeated.");
                    default:
                        throw Error(inner, $"unknown property '{name}'; a reconstitution has 'vialUnits' and 'diluentMl'.");
                }
            }

            if (vial is null || diluent is null)
            {
                throw Error(at, "a reconstitution needs both 'vialUnits' and 'diluentMl'.", start);
            }

            return new Reconstitution(vial.Value, diluent.Value);
        }

        private bool Next(string at)
        {
            if (!reader.Read())
            {
                throw Error(at, "the file ends too early.");
            }

            return true;
        }

        private void Expect(JsonTokenType type, string at, string what)
        {
            if (reader.TokenType != type)
            {
                throw Error(at, $"expected {what}, found {Describe(reader.TokenType)}.");
            }
        }

        private static string Describe(JsonTokenType type) => type switch
        {
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => "the end of an object or array",
        };

        private readonly CliException Error(string at, string message, long? offset = null)
        {
            var index = (int)Math.Min(offset ?? reader.TokenStartIndex, bytes.Length);
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < index; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var column = index - lineStart + 1;
            return new CliException($"{path}:{line.ToString(CultureInfo.InvariantCulture)}:{column.ToString(CultureInfo.InvariantCulture)}: {at}: {message}");
        }
    }
}
